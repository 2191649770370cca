/**
 * The backend SPI the ActiveSync gateway syncs against, and the EAS content model it speaks in. A backend is
 * a mail source (the Koppel store, an IMAP server, a Maildir tree); the gateway turns what it returns into
 * WBXML and knows nothing of how it is stored. See docs/backends.md.
 */
package org.koppel.backend;
