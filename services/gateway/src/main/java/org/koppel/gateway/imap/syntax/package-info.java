/**
 * The IMAP wire syntax without I/O policy or store access: a streaming reader that turns client bytes into
 * immutable {@link org.koppel.gateway.imap.syntax.ImapCommand} records (RFC 3501, RFC 9051 and extensions),
 * and a {@link org.koppel.gateway.imap.syntax.ResponseWriter} that encodes responses.
 *
 * <p>A session loop looks like this:
 * <pre>{@code
 * CommandReader reader = new CommandReader(connection.in(), CommandLimits.DEFAULT);
 * ResponseWriter out = new ResponseWriter(connection.out());
 * while (true) {
 *     Optional<ImapCommand> command;
 *     try {
 *         command = reader.read(() -> { out.continuation("Ready for literal data"); out.flush(); });
 *     } catch (CommandException e) {
 *         // SYNTAX -> BAD, TOO_BIG -> NO [TOOBIG], BAD_CHARSET -> NO [BADCHARSET], LINE_TOO_LONG -> BYE;
 *         // tag() is empty when none was read (answer "* BAD"); close when e.disconnect()
 *         continue;
 *     }
 *     if (command.isEmpty()) break;                       // client closed the connection
 *     switch (command.get()) { case ImapCommand.Fetch f -> ...; ... }
 * }
 * }</pre>
 * After STARTTLS or COMPRESS, create a new reader and writer on the connection's new streams.
 */
package org.koppel.gateway.imap.syntax;
