-- Koppel store schema, version 3: search folders. Design notes are in docs/schema.md ("Search folders").

-- A search folder's criteria: a restriction over a set of folders (search_scopes), optionally with
-- their subfolders (subfolders). state 1 = the results are being built, 2 = complete. generation grows with each
-- new criteria, so a build for old criteria stops instead of writing stale results.
CREATE TABLE search_criteria (
    folder_id       BIGINT NOT NULL PRIMARY KEY,
    store_id        BIGINT NOT NULL,
    restriction     ${blob_type} NOT NULL,
    subfolders      BOOLEAN NOT NULL,
    state           INT NOT NULL,
    generation      BIGINT NOT NULL,
    CONSTRAINT fk_sc_folder FOREIGN KEY (folder_id) REFERENCES folders (id) ON DELETE CASCADE
);
CREATE INDEX ix_sc_store ON search_criteria (store_id);

CREATE TABLE search_scopes (
    folder_id       BIGINT NOT NULL,
    scope_id        BIGINT NOT NULL,
    PRIMARY KEY (folder_id, scope_id),
    CONSTRAINT fk_ss_folder FOREIGN KEY (folder_id) REFERENCES folders (id) ON DELETE CASCADE,
    CONSTRAINT fk_ss_scope FOREIGN KEY (scope_id) REFERENCES folders (id) ON DELETE CASCADE
);
CREATE INDEX ix_ss_scope ON search_scopes (scope_id);

-- The messages a search folder shows, kept up to date in the transaction of every change.
CREATE TABLE search_results (
    folder_id       BIGINT NOT NULL,
    message_id      BIGINT NOT NULL,
    is_read         BOOLEAN NOT NULL,
    PRIMARY KEY (folder_id, message_id),
    CONSTRAINT fk_sr_folder FOREIGN KEY (folder_id) REFERENCES folders (id) ON DELETE CASCADE,
    CONSTRAINT fk_sr_message FOREIGN KEY (message_id) REFERENCES messages (id) ON DELETE CASCADE
);
CREATE INDEX ix_sr_message ON search_results (message_id);
