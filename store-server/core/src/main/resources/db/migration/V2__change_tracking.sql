-- Koppel store schema, version 2: change tracking (ICS) and IMAP identifiers. Design notes are in
-- docs/schema.md ("Change tracking").
--
-- A message carries three change numbers, all from its store's counter:
--   entered_cn  when it entered its folder (created, copied, moved in, restored); also its IMAP UID
--   change_number  its last content change (as before)
--   read_cn     its last read-state change
-- and touched_cn, the greatest of the three (and of its soft deletion): its IMAP MODSEQ and the
-- position an exporter finds it at. entered_origin, content_origin and read_origin name the sync
-- state whose import made that change (NULL for any other writer), so it is not exported back to it.
ALTER TABLE messages ADD COLUMN entered_cn BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN touched_cn BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN read_cn BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN entered_kind INT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN entered_origin BIGINT NULL;
ALTER TABLE messages ADD COLUMN content_origin BIGINT NULL;
ALTER TABLE messages ADD COLUMN read_origin BIGINT NULL;
UPDATE messages SET entered_cn = change_number, touched_cn = change_number;

-- Exporters walk a folder's changes in change-number order from both ends of an object's life.
CREATE INDEX ix_msg_folder_touched ON messages (folder_id, touched_cn);
CREATE INDEX ix_msg_folder_entered ON messages (folder_id, entered_cn);
-- Importers and moves find messages by source key.
CREATE UNIQUE INDEX uq_msg_source_key ON messages (store_id, source_key);
-- Replaced by the per-folder indexes above; a store-wide walk goes folder by folder.
DROP INDEX ix_msg_store_cn ON messages;

-- created_cn: when the folder was made (hierarchy exports tell new from changed by it);
-- last_entered_cn: the greatest entered_cn a message of this folder ever had (IMAP UIDNEXT - 1).
ALTER TABLE folders ADD COLUMN created_cn BIGINT NOT NULL DEFAULT 0;
ALTER TABLE folders ADD COLUMN last_entered_cn BIGINT NOT NULL DEFAULT 0;
UPDATE folders SET created_cn = change_number;
UPDATE folders SET last_entered_cn = COALESCE((SELECT MAX(m.entered_cn) FROM messages m
    WHERE m.folder_id = folders.id), 0);
CREATE INDEX ix_folder_store_cn ON folders (store_id, change_number);

-- What left a folder's visible contents: kind 1 soft-deleted, 2 hard-deleted, 3 moved out (to
-- target_folder_id). entered_cn and entered_origin are those of the incarnation that left, so an
-- exporter reports the departure only to a client that was given it (delivery_ticks tells whether it
-- was inside the client's time window); origin is the sync state whose import removed it. Removed with the folder; old rows are purged after
-- the configured retention, which raises the store's tombstone horizon.
CREATE TABLE tombstones (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    store_id        BIGINT NOT NULL,
    folder_id       BIGINT NOT NULL,
    source_key      VARBINARY(22) NOT NULL,
    associated      BOOLEAN NOT NULL,
    delivery_ticks  BIGINT NOT NULL,
    kind            INT NOT NULL,
    entered_cn      BIGINT NOT NULL,
    deleted_cn      BIGINT NOT NULL,
    entered_origin  BIGINT NULL,
    origin          BIGINT NULL,
    target_folder_id BIGINT NULL,
    deleted_ms      BIGINT NOT NULL,
    CONSTRAINT fk_tomb_folder FOREIGN KEY (folder_id) REFERENCES folders (id) ON DELETE CASCADE
);
CREATE INDEX ix_tomb_folder_cn ON tombstones (folder_id, deleted_cn);
CREATE INDEX ix_tomb_age ON tombstones (deleted_ms);

-- Deleted folders, for hierarchy exports.
CREATE TABLE folder_tombstones (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    store_id        BIGINT NOT NULL,
    source_key      VARBINARY(22) NOT NULL,
    created_cn      BIGINT NOT NULL,
    deleted_cn      BIGINT NOT NULL,
    deleted_ms      BIGINT NOT NULL,
    CONSTRAINT fk_ftomb_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
);
CREATE INDEX ix_ftomb_store_cn ON folder_tombstones (store_id, deleted_cn);
CREATE INDEX ix_ftomb_age ON folder_tombstones (deleted_ms);

-- Sync states older than this change number may have missed a purged tombstone: they must restart.
ALTER TABLE stores ADD COLUMN tombstone_horizon_cn BIGINT NOT NULL DEFAULT 0;
