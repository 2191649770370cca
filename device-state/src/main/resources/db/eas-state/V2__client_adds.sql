-- The ServerIds the backend gave to a Sync request's Adds, by the key the request was made with and the
-- ClientId, written right after the import and before the next key is issued. When that key cannot be
-- issued (another request of the device advanced the collection first) the device retries with the same
-- key, and its Adds are answered from here instead of being made a second time. Rows of keys before the
-- newest are deleted as new ones are written; all go with their collection.
CREATE TABLE eas_client_add (
    device_ref    BIGINT NOT NULL,
    collection_id VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    series        CHAR(36) NOT NULL,
    counter       BIGINT NOT NULL,
    client_id     VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    server_id     VARCHAR(1024) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (device_ref, collection_id, series, counter, client_id),
    CONSTRAINT eas_client_add_collection FOREIGN KEY (device_ref, collection_id)
        REFERENCES eas_sync_collection (device_ref, collection_id) ON DELETE CASCADE
);
