-- ActiveSync device state: devices (one row per user on a device), the short folder ids handed to each
-- device, and per folder the sync keys with the backend state each stands for. Every table starts with
-- eas_ and the history table is eas_schema_history, so these tables can live in the store's own database.
-- Times are milliseconds since the epoch (UTC), the same on H2 and MariaDB whatever the session time zone.
-- Identifiers the client sends are compared exactly (utf8mb4_bin): a device id is case-preserving.

CREATE TABLE eas_device (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_name            VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    device_id            VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    device_type          VARCHAR(128) NOT NULL,
    user_agent           VARCHAR(512) NOT NULL,
    protocol_version     VARCHAR(8) NOT NULL,
    -- Settings/DeviceInformation of MS-ASPROV, as the device last sent them
    info_model           VARCHAR(1024) NOT NULL,
    info_imei            VARCHAR(1024) NOT NULL,
    info_friendly_name   VARCHAR(1024) NOT NULL,
    info_os              VARCHAR(1024) NOT NULL,
    info_os_language     VARCHAR(1024) NOT NULL,
    info_phone_number    VARCHAR(1024) NOT NULL,
    info_mobile_operator VARCHAR(1024) NOT NULL,
    info_user_agent      VARCHAR(1024) NOT NULL,
    first_sync           BIGINT NOT NULL,
    last_sync            BIGINT NOT NULL,
    -- provisioning: the key in force (0: none), the temporary key of phase one (0: none)
    policy_key           BIGINT NOT NULL,
    pending_policy_key   BIGINT NOT NULL,
    policy_hash          VARCHAR(128) NOT NULL,
    provisioned_at       BIGINT,
    -- remote wipe: NONE, PENDING, SENT, ACKNOWLEDGED
    wipe_status          VARCHAR(16) NOT NULL,
    wipe_account_only    BOOLEAN NOT NULL,
    wipe_requested_by    VARCHAR(255) NOT NULL,
    wipe_requested_at    BIGINT,
    wipe_sent_at         BIGINT,
    wipe_acknowledged_at BIGINT,
    blocked              BOOLEAN NOT NULL,
    -- push: the heartbeat and folders of the last Ping (for an empty Ping), the last Sync request (for an
    -- empty or partial Sync) as the gateway encodes it
    ping_heartbeat       INT NOT NULL,
    ping_folders         ${text_type},
    last_sync_request    ${blob_type},
    -- the next short folder id for this device; ids are never handed out twice
    next_folder_id       BIGINT NOT NULL,
    CONSTRAINT eas_device_account UNIQUE (user_name, device_id)
);

CREATE INDEX eas_device_by_device_id ON eas_device (device_id);

-- The short, stable CollectionId (ServerId) of each backend folder the device was told about.
CREATE TABLE eas_folder_id (
    device_ref    BIGINT NOT NULL,
    folder_id     BIGINT NOT NULL,
    -- SHA-256 (hex) of backend_id: backend ids can be long and are case-sensitive
    backend_hash  CHAR(64) NOT NULL,
    backend_id    VARCHAR(2048) NOT NULL,
    PRIMARY KEY (device_ref, folder_id),
    CONSTRAINT eas_folder_id_backend UNIQUE (device_ref, backend_hash),
    CONSTRAINT eas_folder_id_device FOREIGN KEY (device_ref) REFERENCES eas_device (id) ON DELETE CASCADE
);

-- One row per synchronised collection of a device; collection '' is the folder hierarchy (FolderSync).
-- The keys of the collection are {series}N; latest is the newest N issued, confirmed the newest N the
-- client has used. version grows with every change, so two requests that started from the same row
-- cannot both advance it.
CREATE TABLE eas_sync_collection (
    device_ref    BIGINT NOT NULL,
    collection_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    series        CHAR(36) NOT NULL,
    latest        BIGINT NOT NULL,
    confirmed     BIGINT NOT NULL,
    options       ${text_type},
    version       BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (device_ref, collection_id),
    CONSTRAINT eas_sync_collection_device FOREIGN KEY (device_ref) REFERENCES eas_device (id) ON DELETE CASCADE
);

-- The backend state each still valid key stands for (at most the confirmed and the latest), and with it
-- what the caller kept of the response that issued the key, to answer a retry the same way.
CREATE TABLE eas_sync_key (
    device_ref    BIGINT NOT NULL,
    collection_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    counter       BIGINT NOT NULL,
    backend_state ${blob_type} NOT NULL,
    pending       ${blob_type},
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (device_ref, collection_id, counter),
    CONSTRAINT eas_sync_key_collection FOREIGN KEY (device_ref, collection_id)
        REFERENCES eas_sync_collection (device_ref, collection_id) ON DELETE CASCADE
);
