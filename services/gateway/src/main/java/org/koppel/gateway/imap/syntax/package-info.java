/**
 * The IMAP wire syntax without I/O policy or store access: a streaming reader that turns client bytes into
 * immutable {@link org.koppel.gateway.imap.syntax.ImapCommand} records (RFC 3501, RFC 9051 and extensions),
 * and a {@link org.koppel.gateway.imap.syntax.ResponseWriter} that encodes responses.
 */
package org.koppel.gateway.imap.syntax;
