-- Attachment documents by the SHA-256 of their file: the blob endpoint (sync-server/blobs/) serves a
-- file only to people who may read an attachment naming it, and takes an upload only for a file an
-- attachment describes. The bytes themselves live in the blob folder beside the data, not here.
CREATE INDEX documents_attachment_hash ON documents ((data->'data'->>'sha256')) WHERE collection = 'activity' AND data->>'kind' = 'attachment';
