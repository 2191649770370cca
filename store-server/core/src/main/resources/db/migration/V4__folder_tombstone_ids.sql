-- Koppel store schema, version 4: a deleted folder's tombstone keeps the folder's id, so that a
-- server-wide export can name the folder whose messages went with it (entry ids carry the row id).
ALTER TABLE folder_tombstones ADD COLUMN folder_id BIGINT NULL;
