package org.koppel.store.client;

/** Who an ACL entry is for. */
public enum MemberKind {
    USER,
    GROUP
}
