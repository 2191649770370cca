package org.koppel.store.client;

/**
 * A folder's IMAP identifiers, derived from its change numbers: a message's UID is the change number it
 * entered the folder with (so UIDs only grow and are never reused), its MODSEQ the change number of its
 * latest change of any kind.
 *
 * @param uidValidity   stays the same for the folder's whole life (RFC 9051 UIDVALIDITY)
 * @param uidNext       greater than every UID the folder ever gave out
 * @param highestModSeq the greatest MODSEQ of any message in the folder, expunges included (RFC 7162)
 * @param exists        visible ordinary messages
 */
public record ImapFolderState(long uidValidity, long uidNext, long highestModSeq, int exists) {
}
