-- Workflows that act on records (src-shared/sync/workflow-record-rules.ts): the push rules find the
-- instances bound to a record, to take its workflow-only moves and to restamp their read scope.
CREATE INDEX documents_instance_entity ON documents ((data->>'entityId')) WHERE collection = 'workflow_instances';
