/**
 * What IMAP derives from a message's raw RFC 5322 octets, without the store: the MIME structure with exact octet
 * offsets, ENVELOPE and BODYSTRUCTURE, BODY[section] and BINARY extraction, RFC 5256 base subjects, sort keys and
 * threading, and the content tests of SEARCH. Messages are streamed, never held whole.
 */
package org.koppel.gateway.imap.message;
