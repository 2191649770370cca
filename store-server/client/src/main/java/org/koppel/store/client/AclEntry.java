package org.koppel.store.client;

/** One entry of a folder's access control list: a user or group and its rights bits (see {@link Rights}). */
public record AclEntry(String member, MemberKind kind, int rights) {
}
