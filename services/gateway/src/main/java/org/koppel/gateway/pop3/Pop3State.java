package org.koppel.gateway.pop3;

/** The states of a POP3 session (RFC 1939 section 3); UPDATE is passed through inside QUIT. */
enum Pop3State {
    AUTHORIZATION,
    TRANSACTION
}
