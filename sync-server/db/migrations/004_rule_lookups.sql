-- Lookups the push rules make inside their transaction (src-shared/sync: related documents and the
-- workflow engine's rules): an instance's events, a workflow code's versions, the activity about a
-- record, and the tasks of a project.
CREATE INDEX documents_event_instance ON documents ((data->>'instanceId')) WHERE collection = 'workflow_events';

CREATE INDEX documents_definition_code ON documents ((data->>'code')) WHERE collection = 'workflow_definitions';

CREATE INDEX documents_activity_subject ON documents ((data->>'subjectId')) WHERE collection = 'activity';

CREATE INDEX documents_task_project ON documents ((data->>'projectId')) WHERE collection = 'tasks';
