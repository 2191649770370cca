-- Koppel store schema, version 6: who may send mail in someone else's name. Design notes are in
-- docs/schema.md ("Send-as and delegates") and docs/spooler.md.

-- The send-as lists of the database user directory (Kopano's send-as relation): grantee_id may send with
-- the address of the user or group (principal_kind USER or GROUP, principal_id its directory id) in From.
-- An administrator's grant, so it lives with the directory; the directory removes a principal's rows when
-- the user or group is deleted, the foreign key a deleted grantee's.
CREATE TABLE send_as (
    principal_kind  VARCHAR(8) NOT NULL,
    principal_id    BIGINT NOT NULL,
    grantee_id      BIGINT NOT NULL,
    PRIMARY KEY (principal_kind, principal_id, grantee_id),
    CONSTRAINT fk_sendas_grantee FOREIGN KEY (grantee_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_sendas_grantee ON send_as (grantee_id);

-- A mailbox's delegates, who may send on its owner's behalf (From the owner, Sender the delegate): the
-- mailbox's own data, like Exchange's delegate list, so it goes with the store and is kept whatever the
-- directory is. delegate_id is a directory user id (no foreign key: the directory may be external); the
-- store removes a deleted user's rows.
CREATE TABLE store_delegates (
    store_id        BIGINT NOT NULL,
    delegate_id     BIGINT NOT NULL,
    PRIMARY KEY (store_id, delegate_id),
    CONSTRAINT fk_delegates_store FOREIGN KEY (store_id) REFERENCES stores (id) ON DELETE CASCADE
);
CREATE INDEX ix_delegates_delegate ON store_delegates (delegate_id);
