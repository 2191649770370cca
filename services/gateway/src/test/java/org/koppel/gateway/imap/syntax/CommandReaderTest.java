package org.koppel.gateway.imap.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandReaderTest {

    private final AtomicInteger continuations = new AtomicInteger();

    private ImapCommand parse(String text) throws Exception {
        return parse(text, CommandLimits.DEFAULT);
    }

    private ImapCommand parse(String text, CommandLimits limits) throws Exception {
        CommandReader reader = new CommandReader(stream(text), limits);
        return reader.read(continuations::incrementAndGet).orElseThrow();
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Literal literal) throws IOException {
        try (InputStream in = literal.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyValidCorpusCommandParsesAndLeavesTheStreamAtTheNextCommand() throws Exception {
        for (byte[] entry : CommandCorpus.load("valid.txt")) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.write(entry);
            both.write("z9 NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            CommandReader reader = new CommandReader(new ByteArrayInputStream(both.toByteArray()), CommandLimits.DEFAULT);
            String shown = new String(entry, StandardCharsets.ISO_8859_1);
            ImapCommand command = reader.read(() -> { }).orElseThrow();
            assertFalse(command.tag().isEmpty(), shown);
            if (!(command instanceof ImapCommand.Unknown)) {
                assertEquals(shown.substring(0, 2), command.tag(), shown);
            }
            assertEquals(new ImapCommand.Noop("z9"), reader.read(() -> { }).orElseThrow(), shown);
            assertTrue(reader.read(() -> { }).isEmpty());
        }
    }

    @Test
    void everyInvalidCorpusCommandIsABadCommandAndTheNextOneIsRead() throws Exception {
        for (byte[] entry : CommandCorpus.load("invalid.txt")) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.write(entry);
            both.write("z9 NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            CommandReader reader = new CommandReader(new ByteArrayInputStream(both.toByteArray()), CommandLimits.DEFAULT);
            String shown = new String(entry, StandardCharsets.ISO_8859_1);
            CommandException e = assertThrows(CommandException.class, () -> reader.read(() -> { }), shown);
            assertEquals(CommandException.Reason.SYNTAX, e.reason(), shown);
            assertFalse(e.disconnect(), shown);
            assertEquals(new ImapCommand.Noop("z9"), reader.read(() -> { }).orElseThrow(), shown);
        }
    }

    @Test
    void tagIsReportedWithTheError() throws Exception {
        CommandReader reader = new CommandReader(stream("abc FETCH 0 FLAGS\r\n"), CommandLimits.DEFAULT);
        CommandException e = assertThrows(CommandException.class, () -> reader.read(() -> { }));
        assertEquals(Optional.of("abc"), e.tag());
    }

    @Test
    void login() throws Exception {
        assertEquals(new ImapCommand.Login("a1", "fred", "sec\"ret"), parse("a1 LOGIN fred \"sec\\\"ret\"\r\n"));
        assertEquals(new ImapCommand.Login("a1", "fred", "secret"), parse("a1 login {4}\r\nfred {6+}\r\nsecret\r\n"));
        assertEquals(1, continuations.get(), "only the synchronizing literal asks for a continuation");
    }

    @Test
    void loginDoesNotShowThePassword() throws Exception {
        assertFalse(parse("a1 LOGIN fred hunter2\r\n").toString().contains("hunter2"));
    }

    @Test
    void authenticateWithInitialResponse() throws Exception {
        assertEquals(new ImapCommand.Authenticate("a", "PLAIN", Optional.of("AGZyZWQAdGVzdA==")),
                parse("a authenticate plain AGZyZWQAdGVzdA==\r\n"));
        assertEquals(new ImapCommand.Authenticate("a", "PLAIN", Optional.of("=")), parse("a AUTHENTICATE PLAIN =\r\n"));
        assertEquals(new ImapCommand.Authenticate("a", "XOAUTH2", Optional.empty()), parse("a AUTHENTICATE XOAUTH2\r\n"));
    }

    @Test
    void continuationLinesForAuthenticateAndIdle() throws Exception {
        CommandReader reader = new CommandReader(stream("a AUTHENTICATE PLAIN\r\nAGZyZWQAdGVzdA==\r\nb IDLE\r\nDONE\r\n"),
                CommandLimits.DEFAULT);
        assertInstanceOf(ImapCommand.Authenticate.class, reader.read(() -> { }).orElseThrow());
        assertEquals(Optional.of("AGZyZWQAdGVzdA=="), reader.readContinuationLine());
        assertEquals(new ImapCommand.Idle("b"), reader.read(() -> { }).orElseThrow());
        assertEquals(Optional.of("DONE"), reader.readContinuationLine());
        assertEquals(Optional.empty(), reader.readContinuationLine());
    }

    @Test
    void selectWithQresync() throws Exception {
        ImapCommand.Select s = (ImapCommand.Select) parse("A02 SELECT INBOX (QRESYNC (67890007 90060115194045000 "
                + "1:29997 (5000,7500 15000,22500)))\r\n");
        ImapCommand.QResync q = s.qresync().orElseThrow();
        assertEquals(67890007L, q.uidValidity());
        assertEquals(90060115194045000L, q.modSeq());
        assertEquals("1:29997", q.knownUids().orElseThrow().toString());
        assertEquals("5000,7500", q.knownSequenceNumbers().orElseThrow().toString());
        assertEquals("15000,22500", q.knownSequenceUids().orElseThrow().toString());
        assertFalse(s.readOnly());

        ImapCommand.Select e = (ImapCommand.Select) parse("A03 EXAMINE inbox (CONDSTORE)\r\n");
        assertEquals("INBOX", e.mailbox());
        assertTrue(e.readOnly());
        assertTrue(e.condStore());
        ImapCommand.Select seqOnly = (ImapCommand.Select) parse("A SELECT x (QRESYNC (1 2 (3 4)))\r\n");
        assertEquals(Optional.empty(), seqOnly.qresync().orElseThrow().knownUids());
        assertEquals("3", seqOnly.qresync().orElseThrow().knownSequenceNumbers().orElseThrow().toString());
    }

    @Test
    void mailboxNamesAreDecodedFromModifiedUtf7UnlessUtf8IsAccepted() throws Exception {
        ImapCommand.Select s = (ImapCommand.Select) parse("a SELECT ~peter/mail/&U,BTFw-/&ZeVnLIqe-\r\n");
        assertEquals("~peter/mail/\u53f0\u5317/\u65e5\u672c\u8a9e", s.mailbox());

        CommandReader reader = new CommandReader(stream("a SELECT \"Caf\u00e9 &-\"\r\n"), CommandLimits.DEFAULT);
        reader.utf8Accept(true);
        assertEquals("Caf\u00e9 &-", ((ImapCommand.Select) reader.read(() -> { }).orElseThrow()).mailbox());
    }

    @Test
    void createWithSpecialUse() throws Exception {
        assertEquals(new ImapCommand.Create("t", "Archive", List.of("\\Archive")),
                parse("t CREATE Archive (USE (\\Archive))\r\n"));
    }

    @Test
    void listExtended() throws Exception {
        ImapCommand.ListMailboxes l = (ImapCommand.ListMailboxes) parse("a LIST (SUBSCRIBED RECURSIVEMATCH) \"\" "
                + "(\"INBOX\" \"Dr&AOQ-fts\" %) RETURN (CHILDREN SPECIAL-USE STATUS (MESSAGES UNSEEN))\r\n");
        assertEquals(Set.of(ImapCommand.ListSelection.SUBSCRIBED, ImapCommand.ListSelection.RECURSIVEMATCH), l.selection());
        assertEquals("", l.reference());
        assertEquals(List.of("INBOX", "Dr\u00e4fts", "%"), l.patterns());
        assertEquals(Set.of(ImapCommand.ListReturn.CHILDREN, ImapCommand.ListReturn.SPECIAL_USE,
                ImapCommand.ListReturn.STATUS), l.returns());
        assertEquals(Set.of(StatusItem.MESSAGES, StatusItem.UNSEEN), l.statusItems());

        ImapCommand.ListMailboxes basic = (ImapCommand.ListMailboxes) parse("a LIST ~/Mail/ %/*\r\n");
        assertEquals("~/Mail/", basic.reference());
        assertEquals(List.of("%/*"), basic.patterns());
        assertTrue(basic.selection().isEmpty());
    }

    @Test
    void status() throws Exception {
        assertEquals(new ImapCommand.Status("a", "blurdybloop", Set.of(StatusItem.UIDNEXT, StatusItem.MESSAGES)),
                parse("a STATUS blurdybloop (UIDNEXT MESSAGES)\r\n"));
    }

    @Test
    void appendWithFlagsAndDate() throws Exception {
        ImapCommand.Append a = (ImapCommand.Append) parse(
                "A003 APPEND saved-messages (\\Seen) \" 7-Feb-1994 21:52:25 -0800\" {13}\r\nSubject: hi\r\n\r\n");
        assertEquals("saved-messages", a.mailbox());
        ImapCommand.AppendMessage m = a.messages().getFirst();
        assertEquals(List.of("\\Seen"), m.flags());
        assertEquals(OffsetDateTime.of(1994, 2, 7, 21, 52, 25, 0, ZoneOffset.ofHours(-8)), m.internalDate().orElseThrow());
        assertEquals("Subject: hi\r\n", text(m.content()));
        assertEquals(13, m.content().size());
        assertFalse(m.content().spooled());
        a.close();
    }

    @Test
    void multiappendWithLiteral8() throws Exception {
        ImapCommand.Append a = (ImapCommand.Append) parse("a APPEND Drafts {5}\r\nhello (\\Draft) ~{3+}\r\na\0c\r\n");
        assertEquals(2, a.messages().size());
        assertEquals("hello", text(a.messages().get(0).content()));
        assertFalse(a.messages().get(0).content().binary());
        assertTrue(a.messages().get(1).content().binary());
        assertEquals(List.of("\\Draft"), a.messages().get(1).flags());
    }

    @Test
    void largeAppendIsSpooledToAFile(@TempDir Path dir) throws Exception {
        CommandLimits limits = new CommandLimits(8192, 1 << 20, 1024, 1 << 20, 100, Optional.of(dir));
        String body = "x".repeat(5000);
        ImapCommand.Append a = (ImapCommand.Append) parse("a APPEND INBOX {5000}\r\n" + body + "\r\n", limits);
        Literal literal = a.messages().getFirst().content();
        assertTrue(literal.spooled());
        assertEquals(body, text(literal));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        a.close();
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void spooledLiteralOfAFailedCommandIsDeleted(@TempDir Path dir) throws Exception {
        CommandLimits limits = new CommandLimits(8192, 1 << 20, 1024, 1 << 20, 100, Optional.of(dir));
        String body = "x".repeat(500);
        CommandReader reader = new CommandReader(stream("a APPEND INBOX {500}\r\n" + body + " garbage\r\n"), limits);
        assertThrows(CommandException.class, () -> reader.read(() -> { }));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void synchronizingLiteralAboveTheLimitIsRefusedWithoutContinuation() throws Exception {
        CommandLimits limits = new CommandLimits(8192, 1000, 1024, 1000, 100, Optional.empty());
        CommandReader reader = new CommandReader(stream("a APPEND INBOX {999999999999}\r\nb NOOP\r\n"), limits);
        CommandException e = assertThrows(CommandException.class, () -> reader.read(continuations::incrementAndGet));
        assertEquals(CommandException.Reason.TOO_BIG, e.reason());
        assertEquals(Optional.of("a"), e.tag());
        assertFalse(e.disconnect());
        assertEquals(0, continuations.get());
        assertEquals(new ImapCommand.Noop("b"), reader.read(continuations::incrementAndGet).orElseThrow());
    }

    @Test
    void literalSizesBeyondLongAreRefusedWithoutContinuation() throws Exception {
        // 19 nines overflowed a long and slipped under the limit as a negative size
        for (String size : new String[] {"9999999999999999999", "9223372036854775808", "99999999999999999999999"}) {
            CommandReader reader = new CommandReader(stream("a APPEND INBOX {" + size + "}\r\nb NOOP\r\n"),
                    CommandLimits.DEFAULT);
            assertThrows(CommandException.class, () -> reader.read(continuations::incrementAndGet), size);
            assertEquals(0, continuations.get(), size);
        }
    }

    @Test
    void nonSynchronizingLiteralAboveTheLimitDemandsDisconnect() throws Exception {
        CommandLimits limits = CommandLimits.DEFAULT.literalMinus();
        CommandReader reader = new CommandReader(stream("a APPEND INBOX {5000+}\r\n" + "x".repeat(5000) + "\r\n"),
                limits);
        CommandException e = assertThrows(CommandException.class, () -> reader.read(() -> { }));
        assertEquals(CommandException.Reason.TOO_BIG, e.reason());
        assertTrue(e.disconnect());
    }

    @Test
    void stringLiteralAboveItsLimitIsRefused() throws Exception {
        CommandLimits limits = new CommandLimits(8192, 1 << 20, 10, 1 << 20, 100, Optional.empty());
        CommandReader reader = new CommandReader(stream("a LOGIN {11}\r\nb NOOP\r\n"), limits);
        assertEquals(CommandException.Reason.TOO_BIG,
                assertThrows(CommandException.class, () -> reader.read(() -> { })).reason());
        assertEquals(new ImapCommand.Noop("b"), reader.read(() -> { }).orElseThrow());
    }

    @Test
    void badCommandWithANonSynchronizingLiteralIsSkippedWhole() throws Exception {
        CommandReader reader = new CommandReader(stream("a FETCH 0 {5+}\r\nb NOP rest\r\nc NOOP\r\n"),
                CommandLimits.DEFAULT);
        assertThrows(CommandException.class, () -> reader.read(() -> { }));
        assertEquals(new ImapCommand.Noop("c"), reader.read(() -> { }).orElseThrow());
        CommandReader unknown = new CommandReader(stream("a XFOO {3+}\r\nabc more\r\nc NOOP\r\n"),
                CommandLimits.DEFAULT);
        assertEquals(new ImapCommand.Unknown("a", "XFOO"), unknown.read(() -> { }).orElseThrow());
        assertEquals(new ImapCommand.Noop("c"), unknown.read(() -> { }).orElseThrow());
    }

    @Test
    void overlongLineDemandsDisconnect() throws Exception {
        CommandLimits limits = new CommandLimits(1024, 1 << 20, 1024, 1 << 20, 100, Optional.empty());
        CommandReader reader = new CommandReader(stream("a LOGIN " + "x".repeat(2000) + " y\r\n"), limits);
        CommandException e = assertThrows(CommandException.class, () -> reader.read(() -> { }));
        assertEquals(CommandException.Reason.LINE_TOO_LONG, e.reason());
        assertTrue(e.disconnect());
    }

    @Test
    void endOfStreamBetweenCommandsIsEmpty() throws Exception {
        assertTrue(new CommandReader(stream(""), CommandLimits.DEFAULT).read(() -> { }).isEmpty());
        assertThrows(java.io.EOFException.class,
                () -> new CommandReader(stream("a LOGIN {5}\r\nab"), CommandLimits.DEFAULT).read(() -> { }));
    }

    @Test
    void search() throws Exception {
        ImapCommand.Search s = (ImapCommand.Search) parse("A282 SEARCH FLAGGED SINCE 1-Feb-1994 NOT FROM \"Smith\"\r\n");
        assertEquals(new SearchKey.And(List.of(new SearchKey.Flag("\\Flagged", true),
                new SearchKey.InternalDate(SearchKey.DateComparison.SINCE, LocalDate.of(1994, 2, 1)),
                new SearchKey.Not(new SearchKey.Header("From", "Smith")))), s.key());
        assertFalse(s.uid());
        assertEquals(Optional.empty(), s.returns());

        ImapCommand.Search c = (ImapCommand.Search) parse("a UID SEARCH CHARSET ISO-8859-1 SUBJECT {5}\r\nCaf\u00e9\r\n");
        assertTrue(c.uid());
        assertEquals(Optional.of("ISO-8859-1"), c.charset());
    }

    @Test
    void searchStringsAreDecodedInTheirCharset() throws Exception {
        byte[] line = "a SEARCH CHARSET ISO-8859-1 SUBJECT \"Caf\u00e9\"\r\n".getBytes(StandardCharsets.ISO_8859_1);
        CommandReader reader = new CommandReader(new ByteArrayInputStream(line), CommandLimits.DEFAULT);
        ImapCommand.Search s = (ImapCommand.Search) reader.read(() -> { }).orElseThrow();
        assertEquals(new SearchKey.Header("Subject", "Caf\u00e9"), s.key());
    }

    @Test
    void unknownCharsetIsBadCharset() throws Exception {
        CommandReader reader = new CommandReader(stream("a SEARCH CHARSET X-NOPE TEXT x\r\nb NOOP\r\n"),
                CommandLimits.DEFAULT);
        assertEquals(CommandException.Reason.BAD_CHARSET,
                assertThrows(CommandException.class, () -> reader.read(() -> { })).reason());
        assertEquals(new ImapCommand.Noop("b"), reader.read(() -> { }).orElseThrow());
    }

    @Test
    void esearchReturnOptionsAndSavedResult() throws Exception {
        ImapCommand.Search s = (ImapCommand.Search) parse("a SEARCH RETURN () $ OR SEEN (NEW 1:3)\r\n");
        assertEquals(Optional.of(Set.of(ImapCommand.SearchReturn.ALL)), s.returns());
        SearchKey.And and = (SearchKey.And) s.key();
        assertTrue(((SearchKey.Sequence) and.keys().get(0)).numbers().isSaved());
        assertInstanceOf(SearchKey.Or.class, and.keys().get(1));

        ImapCommand.Search save = (ImapCommand.Search) parse("a UID SEARCH RETURN (SAVE MIN) UID $\r\n");
        assertEquals(Optional.of(Set.of(ImapCommand.SearchReturn.SAVE, ImapCommand.SearchReturn.MIN)), save.returns());
        assertEquals(new SearchKey.Uid(SequenceSet.saved()), save.key());
    }

    @Test
    void searchModseq() throws Exception {
        assertEquals(new SearchKey.ModSeq(620162338L, Optional.of("/flags/\\draft"), Optional.of("all")),
                ((ImapCommand.Search) parse("a SEARCH MODSEQ \"/flags/\\\\draft\" all 620162338\r\n")).key());
        assertEquals(new SearchKey.ModSeq(5, Optional.empty(), Optional.empty()),
                ((ImapCommand.Search) parse("a SEARCH MODSEQ 5\r\n")).key());
    }

    @Test
    void searchAllKeysParse() throws Exception {
        String keys = "ALL ANSWERED BCC a BEFORE 1-Jan-2000 BODY b CC c DELETED DRAFT FLAGGED FROM d HEADER X e "
                + "KEYWORD k LARGER 5 NEW NOT SEEN OLD ON 02-Mar-2001 OR SEEN UNSEEN RECENT SEEN SENTBEFORE 1-Jan-2000 "
                + "SENTON 1-Jan-2000 SENTSINCE 1-Jan-2000 SINCE 1-Jan-2000 SMALLER 9 SUBJECT s TEXT t TO u UID 1:* "
                + "UNANSWERED UNDELETED UNDRAFT UNFLAGGED UNKEYWORD k UNSEEN 1,2:* (SEEN) OLDER 60 YOUNGER 60";
        SearchKey.And and = (SearchKey.And) ((ImapCommand.Search) parse("a SEARCH " + keys + "\r\n")).key();
        assertEquals(39, and.keys().size());
    }

    @Test
    void deeplyNestedSearchIsRefused() throws Exception {
        String nested = "NOT ".repeat(1000) + "SEEN";
        CommandReader reader = new CommandReader(stream("a SEARCH " + nested + "\r\n"), CommandLimits.DEFAULT);
        assertEquals(CommandException.Reason.SYNTAX,
                assertThrows(CommandException.class, () -> reader.read(() -> { })).reason());
    }

    @Test
    void fetchItems() throws Exception {
        ImapCommand.Fetch f = (ImapCommand.Fetch) parse(
                "a FETCH 2:4 (FLAGS BODY.PEEK[1.2.HEADER.FIELDS.NOT (Date \"From\")]<0.100> BINARY[3] RFC822.SIZE)\r\n");
        assertEquals("2:4", f.set().toString());
        assertEquals(FetchItem.Attribute.FLAGS, f.items().get(0));
        FetchItem.BodySection b = (FetchItem.BodySection) f.items().get(1);
        assertTrue(b.peek());
        assertEquals(List.of(1, 2), b.section().part());
        assertEquals(Section.Text.HEADER_FIELDS_NOT, b.section().text());
        assertEquals(List.of("Date", "From"), b.section().fields());
        assertEquals("1.2.HEADER.FIELDS.NOT (DATE FROM)", b.section().wire());
        assertEquals(new FetchItem.Partial(0, 100), b.partial().orElseThrow());
        assertEquals(new FetchItem.Binary(List.of(3), false, Optional.empty()), f.items().get(2));
        assertEquals(FetchItem.Attribute.RFC822_SIZE, f.items().get(3));
        assertFalse(f.items().get(1).setsSeen());
        assertTrue(f.items().get(2).setsSeen());
    }

    @Test
    void fetchResponseNames() throws Exception {
        ImapCommand.Fetch f = (ImapCommand.Fetch) parse("a FETCH 1 (BODY.PEEK[1.HEADER.FIELDS (From to)]<0.100> BODY[] "
                + "BINARY.PEEK[1.2]<5.10> BINARY.SIZE[3] RFC822.SIZE BODY[TEXT])\r\n");
        assertEquals(List.of("BODY[1.HEADER.FIELDS (FROM TO)]<0>", "BODY[]", "BINARY[1.2]<5>", "BINARY.SIZE[3]",
                "RFC822.SIZE", "BODY[TEXT]"), f.items().stream().map(FetchItem::responseName).toList());
    }

    @Test
    void fetchMacrosExpand() throws Exception {
        assertEquals(List.of(FetchItem.Attribute.FLAGS, FetchItem.Attribute.INTERNALDATE, FetchItem.Attribute.RFC822_SIZE,
                FetchItem.Attribute.ENVELOPE, FetchItem.Attribute.BODY),
                ((ImapCommand.Fetch) parse("a FETCH 1 FULL\r\n")).items());
        assertEquals(List.of(new FetchItem.BodySection(Section.whole(), false, Optional.empty())),
                ((ImapCommand.Fetch) parse("a FETCH 1 BODY[]\r\n")).items());
        assertEquals(List.of(FetchItem.Attribute.BODY), ((ImapCommand.Fetch) parse("a FETCH 1 body\r\n")).items());
    }

    @Test
    void uidFetchWithChangedSinceAndVanished() throws Exception {
        ImapCommand.Fetch f = (ImapCommand.Fetch) parse("s100 UID FETCH 300:500 (FLAGS) (CHANGEDSINCE 12345 VANISHED)\r\n");
        assertTrue(f.uid());
        assertEquals(OptionalLong.of(12345), f.changedSince());
        assertTrue(f.vanished());
    }

    @Test
    void store() throws Exception {
        assertEquals(new ImapCommand.Store("a", false, SequenceSet.parse("2:4"), OptionalLong.empty(),
                ImapCommand.StoreMode.ADD, false, List.of("\\Deleted")), parse("a STORE 2:4 +FLAGS (\\deleted)\r\n"));
        assertEquals(new ImapCommand.Store("a", true, SequenceSet.parse("7"), OptionalLong.of(320162338),
                ImapCommand.StoreMode.REMOVE, true, List.of("\\Seen", "$Forwarded")),
                parse("a UID STORE 7 (UNCHANGEDSINCE 320162338) -FLAGS.SILENT \\Seen $Forwarded\r\n"));
        assertEquals(List.of(), ((ImapCommand.Store) parse("a STORE 1 FLAGS ()\r\n")).flags());
    }

    @Test
    void copyMoveExpunge() throws Exception {
        assertEquals(new ImapCommand.Copy("a", false, SequenceSet.parse("2:4"), "MEETING"), parse("a COPY 2:4 MEETING\r\n"));
        assertEquals(new ImapCommand.Move("a", true, SequenceSet.parse("42:69"), "foo"), parse("a UID MOVE 42:69 foo\r\n"));
        assertEquals(new ImapCommand.Expunge("a", Optional.of(SequenceSet.parse("3000:3002"))),
                parse("a UID EXPUNGE 3000:3002\r\n"));
        assertEquals(new ImapCommand.Unknown("a", "UID NOOP"), parse("a UID NOOP\r\n"));
    }

    @Test
    void sortAndThread() throws Exception {
        ImapCommand.Sort s = (ImapCommand.Sort) parse("a UID SORT (REVERSE DATE SUBJECT DISPLAYFROM) UTF-8 ALL\r\n");
        assertEquals(List.of(new ImapCommand.SortCriterion(ImapCommand.SortKey.DATE, true),
                new ImapCommand.SortCriterion(ImapCommand.SortKey.SUBJECT, false),
                new ImapCommand.SortCriterion(ImapCommand.SortKey.DISPLAYFROM, false)), s.criteria());
        assertEquals("UTF-8", s.charset());
        assertEquals(new SearchKey.All(), s.key());
        ImapCommand.Thread t = (ImapCommand.Thread) parse("a THREAD REFERENCES US-ASCII SEEN DRAFT\r\n");
        assertEquals(ImapCommand.ThreadAlgorithm.REFERENCES, t.algorithm());
        assertInstanceOf(SearchKey.And.class, t.key());
    }

    @Test
    void idQuotaCompressEnable() throws Exception {
        ImapCommand.Id id = (ImapCommand.Id) parse("a ID (\"name\" \"sodr\" \"vendor\" NIL)\r\n");
        assertEquals(Map.of("name", Optional.of("sodr"), "vendor", Optional.empty()), id.parameters());
        assertEquals(Map.of(), ((ImapCommand.Id) parse("a ID NIL\r\n")).parameters());
        assertEquals(new ImapCommand.GetQuota("a", ""), parse("a GETQUOTA \"\"\r\n"));
        assertEquals(new ImapCommand.GetQuotaRoot("a", "INBOX"), parse("a GETQUOTAROOT inbox\r\n"));
        assertEquals(new ImapCommand.Compress("a", "DEFLATE"), parse("a COMPRESS deflate\r\n"));
        assertEquals(new ImapCommand.Enable("a", List.of("CONDSTORE", "UTF8=ACCEPT")),
                parse("a ENABLE condstore UTF8=ACCEPT\r\n"));
    }

    @Test
    void bareLineFeedIsTolerated() throws Exception {
        assertEquals(new ImapCommand.Noop("a"), parse("a NOOP\n"));
    }

    @Test
    void literalBytesAreExact() throws Exception {
        ImapCommand.Login l = (ImapCommand.Login) parse("a LOGIN {3}\r\n{1} {2}\r\n\r\n\r\n");
        assertEquals("{1}", l.user());
        assertArrayEquals("\r\n".getBytes(StandardCharsets.US_ASCII), l.password().getBytes(StandardCharsets.US_ASCII));
    }
}
