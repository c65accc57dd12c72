-- A board column: the live tasks of one project with one status, in rank order. The push keeps
-- ranks unique within a column (replication/board-ranks.ts) with one seek into this index. Ranks
-- are compared byte by byte, as the desktop compares them (COLLATE "C").
CREATE INDEX documents_task_column ON documents ((data->>'projectId'), (data->>'status'), ((data->>'kanbanRank') COLLATE "C")) WHERE collection = 'tasks' AND NOT deleted;
