-- Koppel store schema, version 5: the outgoing queue. Design notes are in docs/schema.md ("Outgoing queue").

-- One row per submitted message until the spooler reports it sent or permanently failed, or its user
-- aborts the submission or deletes the message. submit_ms orders the queue (oldest first); a spooler's
-- claim lasts until locked_until_ms; after a temporary failure the message is due again at retry_ms.
CREATE TABLE outgoing_queue (
    message_id      BIGINT NOT NULL PRIMARY KEY,
    store_id        BIGINT NOT NULL,
    submitter_id    BIGINT NULL,
    submit_ms       BIGINT NOT NULL,
    locked_until_ms BIGINT NOT NULL DEFAULT 0,
    retry_ms        BIGINT NOT NULL DEFAULT 0,
    attempts        INT NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000) NULL,
    CONSTRAINT fk_oq_message FOREIGN KEY (message_id) REFERENCES messages (id) ON DELETE CASCADE,
    CONSTRAINT fk_oq_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
);
CREATE INDEX ix_oq_submit ON outgoing_queue (submit_ms, message_id);
