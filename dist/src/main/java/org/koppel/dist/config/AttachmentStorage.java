package org.koppel.dist.config;

/** server.cfg {@code attachment_storage}: where attachment data lives. */
public enum AttachmentStorage {
    /** One file per attachment under {@code attachment_path}. */
    FILES,
    /** In the store database, in chunks. */
    DATABASE
}
