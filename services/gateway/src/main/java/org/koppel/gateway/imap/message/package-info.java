/**
 * What IMAP derives from a message's raw RFC 5322 octets, without the store: the MIME structure with exact octet
 * offsets, ENVELOPE and BODYSTRUCTURE, BODY[section] and BINARY extraction, RFC 5256 base subjects, sort keys and
 * threading, and the content tests of SEARCH. Messages are streamed, never held whole.
 *
 * <p>For one message, with {@code MessageSource source = () -> store.openMessageStream(...)}:
 * <pre>{@code
 * SectionReader message = new SectionReader(source);      // parses the structure once, on first use
 * message.envelope().write(out);                           // after out.atom("ENVELOPE")
 * message.bodyStructure().write(out, true);                // BODYSTRUCTURE; false for BODY
 * SectionContent c = message.read(section).orElse(...);    // BODY[section]; c.slice(origin, count) for <o.c>
 * out.atom(item.responseName()).literal(c.open(), c.size());
 * }</pre>
 * {@link org.koppel.gateway.imap.message.MimePart} is immutable and may be cached per message.
 */
package org.koppel.gateway.imap.message;
