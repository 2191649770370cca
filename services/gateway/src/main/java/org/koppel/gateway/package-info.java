/**
 * The IMAP (RFC 3501, RFC 9051) and POP3 (RFC 1939) gateway: protocol servers that are clients of the store
 * through the session API, one virtual thread per connection.
 */
package org.koppel.gateway;
