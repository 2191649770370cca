-- Koppel store schema, version 1. Runs unchanged on MariaDB/MySQL and on H2 (MariaDB mode).
-- Design notes are in docs/schema.md. Times are FILETIME ticks (100 ns since 1601) or epoch millis
-- where the column name says so; sizes are bytes.

CREATE TABLE users (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    login           VARCHAR(255) NOT NULL,
    full_name       VARCHAR(255) NOT NULL,
    email           VARCHAR(255) NOT NULL,
    password_hash   VARCHAR(255) NULL,
    is_admin        BOOLEAN NOT NULL DEFAULT FALSE,
    kind            VARCHAR(16) NOT NULL,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    features        VARCHAR(255) NOT NULL,
    created_ms      BIGINT NOT NULL,
    CONSTRAINT uq_users_login UNIQUE (login)
);

-- Every address a user receives mail at (primary and aliases), lower-cased.
CREATE TABLE user_addresses (
    address         VARCHAR(255) NOT NULL PRIMARY KEY,
    user_id         BIGINT NOT NULL,
    is_primary      BOOLEAN NOT NULL,
    CONSTRAINT fk_addr_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_addr_user ON user_addresses (user_id);

CREATE TABLE user_groups (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(255) NOT NULL,
    email           VARCHAR(255) NOT NULL,
    CONSTRAINT uq_group_name UNIQUE (name)
);

CREATE TABLE group_members (
    group_id        BIGINT NOT NULL,
    user_id         BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id),
    CONSTRAINT fk_gm_group FOREIGN KEY (group_id) REFERENCES user_groups (id) ON DELETE CASCADE,
    CONSTRAINT fk_gm_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_gm_user ON group_members (user_id);

-- Per-user limits; a user without a row uses the server defaults.
CREATE TABLE quotas (
    user_id         BIGINT NOT NULL PRIMARY KEY,
    warn_bytes      BIGINT NOT NULL,
    soft_bytes      BIGINT NOT NULL,
    hard_bytes      BIGINT NOT NULL,
    CONSTRAINT fk_quota_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- A store row is also the per-store write lock: every write transaction locks it first, which orders
-- change numbers and keeps size accounting exact without deadlocks.
CREATE TABLE stores (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    guid            VARBINARY(16) NOT NULL,
    kind            VARCHAR(8) NOT NULL,
    owner_id        BIGINT NULL,
    size_bytes      BIGINT NOT NULL DEFAULT 0,
    last_cn         BIGINT NOT NULL DEFAULT 0,
    next_named_id   INT NOT NULL DEFAULT 32768,
    created_ms      BIGINT NOT NULL,
    CONSTRAINT uq_store_guid UNIQUE (guid),
    CONSTRAINT uq_store_owner UNIQUE (owner_id)
);

CREATE TABLE folders (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    store_id        BIGINT NOT NULL,
    parent_id       BIGINT NULL,
    name            VARCHAR(255) NOT NULL,
    name_key        VARBINARY(1024) NOT NULL,
    container_class VARCHAR(255) NOT NULL,
    folder_type     INT NOT NULL,
    role            VARCHAR(32) NULL,
    content_count   INT NOT NULL DEFAULT 0,
    unread_count    INT NOT NULL DEFAULT 0,
    assoc_count     INT NOT NULL DEFAULT 0,
    deleted_count   INT NOT NULL DEFAULT 0,
    child_count     INT NOT NULL DEFAULT 0,
    size_bytes      BIGINT NOT NULL DEFAULT 0,
    source_key      VARBINARY(22) NOT NULL,
    change_number   BIGINT NOT NULL,
    creator_id      BIGINT NULL,
    created_ticks   BIGINT NOT NULL,
    modified_ticks  BIGINT NOT NULL,
    props           ${blob_type} NULL,
    CONSTRAINT fk_folder_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
    CONSTRAINT uq_folder_name UNIQUE (store_id, parent_id, name_key)
);
CREATE INDEX ix_folder_parent ON folders (parent_id);
CREATE INDEX ix_folder_role ON folders (store_id, role);

-- Messages, including associated (FAI) ones and messages embedded in attachments (folder_id NULL,
-- parent_attach_id set). The columns beside props are copies of hot properties, for listing,
-- sorting and counting in SQL; props holds the whole property set.
CREATE TABLE messages (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    store_id        BIGINT NOT NULL,
    folder_id       BIGINT NULL,
    parent_attach_id BIGINT NULL,
    associated      BOOLEAN NOT NULL DEFAULT FALSE,
    deleted         BOOLEAN NOT NULL DEFAULT FALSE,
    deleted_ticks   BIGINT NULL,
    message_class   VARCHAR(255) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    sender_name     VARCHAR(255) NOT NULL,
    display_to      VARCHAR(255) NOT NULL,
    delivery_ticks  BIGINT NOT NULL,
    modified_ticks  BIGINT NOT NULL,
    created_ticks   BIGINT NOT NULL,
    message_flags   INT NOT NULL,
    importance      INT NOT NULL,
    has_attach      BOOLEAN NOT NULL,
    size_bytes      BIGINT NOT NULL,
    source_key      VARBINARY(22) NOT NULL,
    change_number   BIGINT NOT NULL,
    change_key      VARBINARY(24) NOT NULL,
    pcl             VARBINARY(2048) NOT NULL,
    creator_id      BIGINT NULL,
    props           ${blob_type} NOT NULL,
    CONSTRAINT fk_msg_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
);
-- The hot listing: a folder's live messages newest first.
CREATE INDEX ix_msg_folder_time ON messages (folder_id, associated, deleted, delivery_ticks);
CREATE INDEX ix_msg_parent_attach ON messages (parent_attach_id);
CREATE INDEX ix_msg_store_cn ON messages (store_id, change_number);

CREATE TABLE recipients (
    message_id      BIGINT NOT NULL,
    row_id          INT NOT NULL,
    recipient_type  INT NOT NULL,
    display_name    VARCHAR(255) NOT NULL,
    email           VARCHAR(255) NOT NULL,
    props           ${blob_type} NULL,
    PRIMARY KEY (message_id, row_id),
    CONSTRAINT fk_rcpt_msg FOREIGN KEY (message_id) REFERENCES messages (id) ON DELETE CASCADE
);

CREATE TABLE attachments (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_id      BIGINT NOT NULL,
    attach_num      INT NOT NULL,
    method          INT NOT NULL,
    size_bytes      BIGINT NOT NULL,
    blob_key        VARCHAR(80) NULL,
    props           ${blob_type} NULL,
    CONSTRAINT fk_att_msg FOREIGN KEY (message_id) REFERENCES messages (id) ON DELETE CASCADE,
    CONSTRAINT uq_att_num UNIQUE (message_id, attach_num)
);
CREATE INDEX ix_att_blob ON attachments (blob_key);

-- Attachment data: one row per blob with its reference count (both blob stores), and the data
-- itself in chunks for the database blob store. touched_ms is the last put or dropped reference:
-- purge removes a blob only when refcount is 0 and touched_ms is older than the grace period.
-- size_bytes is -1 while the database store is still writing the chunks.
CREATE TABLE blobs (
    blob_key        VARCHAR(80) NOT NULL PRIMARY KEY,
    size_bytes      BIGINT NOT NULL,
    refcount        INT NOT NULL,
    touched_ms      BIGINT NOT NULL
);
CREATE INDEX ix_blob_unref ON blobs (refcount, touched_ms);

CREATE TABLE blob_chunks (
    blob_key        VARCHAR(80) NOT NULL,
    seq             INT NOT NULL,
    data            ${blob_type} NOT NULL,
    PRIMARY KEY (blob_key, seq)
);

-- Named properties per store; name_key is 'i:<lid>' or 's:<name>' compared byte-exact.
CREATE TABLE named_properties (
    store_id        BIGINT NOT NULL,
    prop_id         INT NOT NULL,
    guid            VARBINARY(16) NOT NULL,
    name_key        VARBINARY(1024) NOT NULL,
    PRIMARY KEY (store_id, prop_id),
    CONSTRAINT uq_named UNIQUE (store_id, guid, name_key),
    CONSTRAINT fk_named_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
);

CREATE TABLE acls (
    folder_id       BIGINT NOT NULL,
    member_kind     VARCHAR(8) NOT NULL,
    member_id       BIGINT NOT NULL,
    rights          INT NOT NULL,
    PRIMARY KEY (folder_id, member_kind, member_id),
    CONSTRAINT fk_acl_folder FOREIGN KEY (folder_id) REFERENCES folders (id) ON DELETE CASCADE
);

CREATE TABLE receive_folders (
    store_id        BIGINT NOT NULL,
    message_class   VARBINARY(255) NOT NULL,
    folder_id       BIGINT NOT NULL,
    PRIMARY KEY (store_id, message_class),
    CONSTRAINT fk_rf_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE,
    CONSTRAINT fk_rf_folder FOREIGN KEY (folder_id) REFERENCES folders (id) ON DELETE CASCADE
);
