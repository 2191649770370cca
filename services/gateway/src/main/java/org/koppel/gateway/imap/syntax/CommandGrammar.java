package org.koppel.gateway.imap.syntax;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The argument productions of RFC 9051's formal syntax (section 9) and its extensions, over a {@link CommandInput}. */
final class CommandGrammar {

    static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    private static final long MAX_MODSEQ = Long.MAX_VALUE;
    private static final int MAX_NESTING = 64;

    final CommandInput in;
    private final boolean utf8Names;
    private Charset charset = StandardCharsets.UTF_8;
    private int depth;

    CommandGrammar(CommandInput in, boolean utf8Names) {
        this.in = in;
        this.utf8Names = utf8Names;
    }

    static CommandException syntax(String message) {
        return CommandException.syntax(message);
    }

    // ---- names, strings, numbers

    String mailbox() throws IOException, CommandException {
        String name = name(in.astring(false));
        return name.equalsIgnoreCase("INBOX") ? "INBOX" : name;
    }

    String pattern() throws IOException, CommandException {
        return name(in.astring(true));
    }

    private String name(byte[] wire) throws CommandException {
        if (utf8Names || !ModifiedUtf7.sevenBit(wire)) {
            return utf8(wire);
        }
        try {
            return ModifiedUtf7.decode(new String(wire, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw syntax("Mailbox name is not modified UTF-7");
        }
    }

    String astring() throws IOException, CommandException {
        return utf8(in.astring(false));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A search string in the command's CHARSET. */
    String searchString() throws IOException, CommandException {
        byte[] bytes = in.astring(false);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw syntax("Search string is not valid in its charset");
        }
    }

    String charset() throws IOException, CommandException {
        String name = utf8(in.astring(false));
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CommandException(null, CommandException.Reason.BAD_CHARSET, "Unsupported charset " + name,
                    false);
        }
        return name.toUpperCase(Locale.ROOT);
    }

    String keyword() throws IOException, CommandException {
        return in.atom().toUpperCase(Locale.ROOT);
    }

    long number() throws IOException, CommandException {
        return in.number(SequenceSet.MAX_VALUE);
    }

    long nzNumber() throws IOException, CommandException {
        long n = number();
        if (n == 0) {
            throw syntax("Expected a non-zero number");
        }
        return n;
    }

    long modSeq() throws IOException, CommandException {
        return in.number(MAX_MODSEQ);
    }

    SequenceSet sequenceSet() throws IOException, CommandException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.peek()) >= 0 && ((c >= '0' && c <= '9') || c == '*' || c == ':' || c == ',' || c == '$')) {
            sb.append((char) in.next());
        }
        try {
            return SequenceSet.parse(sb);
        } catch (IllegalArgumentException e) {
            throw syntax("Invalid sequence set");
        }
    }

    /** The body of a parenthesised list: calls {@code item} for each element; empty when {@code allowEmpty}. */
    void list(boolean allowEmpty, Item item) throws IOException, CommandException {
        in.expect('(');
        if (in.accept(')')) {
            if (!allowEmpty) {
                throw syntax("Empty list");
            }
            return;
        }
        do {
            item.read();
        } while (in.accept(' '));
        in.expect(')');
    }

    @FunctionalInterface
    interface Item {
        void read() throws IOException, CommandException;
    }

    // ---- flags and dates

    String flag() throws IOException, CommandException {
        if (in.accept('\\')) {
            String name = in.atom();
            return switch (name.toUpperCase(Locale.ROOT)) {
                case "ANSWERED" -> "\\Answered";
                case "FLAGGED" -> "\\Flagged";
                case "DELETED" -> "\\Deleted";
                case "SEEN" -> "\\Seen";
                case "DRAFT" -> "\\Draft";
                case "RECENT" -> "\\Recent";
                default -> "\\" + name;
            };
        }
        return in.atom();
    }

    List<String> flagList() throws IOException, CommandException {
        List<String> flags = new ArrayList<>();
        list(true, () -> flags.add(flag()));
        return flags;
    }

    private static int month(String name) throws CommandException {
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).equalsIgnoreCase(name)) {
                return i + 1;
            }
        }
        throw syntax("Invalid month");
    }

    // The date readers look before they take: an octet that does not fit (the CRLF of a date cut short) must
    // stay for the error recovery, which skips to the end of this command's line and no further.

    private int digits(int count) throws IOException, CommandException {
        int v = 0;
        for (int i = 0; i < count; i++) {
            int c = in.peek();
            if (c < '0' || c > '9') {
                throw syntax("Expected a digit");
            }
            in.next();
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The three letters of a month name. */
    private String monthName() throws IOException, CommandException {
        StringBuilder mon = new StringBuilder(3);
        for (int i = 0; i < 3; i++) {
            int c = in.peek();
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                throw syntax("Invalid month");
            }
            mon.append((char) in.next());
        }
        return mon.toString();
    }

    /** date: {@code d-MMM-yyyy}, optionally quoted. */
    LocalDate date() throws IOException, CommandException {
        boolean quoted = in.accept('"');
        int day = digits(1);
        int c = in.peek();
        if (c >= '0' && c <= '9') {
            day = day * 10 + digits(1);
        }
        in.expect('-');
        String mon = monthName();
        in.expect('-');
        int year = digits(4);
        if (quoted) {
            in.expect('"');
        }
        return LocalDate.of(year, month(mon), day);
    }

    /** date-time: {@code "dd-MMM-yyyy HH:mm:ss +zzzz"} (the day may be space-padded). */
    OffsetDateTime dateTime() throws IOException, CommandException {
        in.expect('"');
        int day;
        if (in.accept(' ')) {
            day = digits(1);
        } else {
            day = digits(1);
            int c = in.peek();
            if (c >= '0' && c <= '9') {
                day = day * 10 + digits(1);
            }
        }
        in.expect('-');
        String mon = monthName();
        in.expect('-');
        int year = digits(4);
        in.sp();
        int hour = digits(2);
        in.expect(':');
        int minute = digits(2);
        in.expect(':');
        int second = digits(2);
        in.sp();
        int sign = in.peek();
        if (sign != '+' && sign != '-') {
            throw syntax("Expected a zone");
        }
        in.next();
        int zh = digits(2);
        int zm = digits(2);
        in.expect('"');
        int offset = (zh * 3600 + zm * 60) * (sign == '-' ? -1 : 1);
        if (zm > 59 || Math.abs(offset) > 18 * 3600) {
            throw syntax("Invalid zone");
        }
        return OffsetDateTime.of(LocalDateTime.of(year, month(mon), day, hour, minute, second), ZoneOffset
                .ofTotalSeconds(offset));
    }

    // ---- SEARCH

    /** 1*(SP search-key) after the command's charset; several keys are an {@link SearchKey.And}. */
    SearchKey searchProgram() throws IOException, CommandException {
        List<SearchKey> keys = new ArrayList<>();
        do {
            in.sp();
            keys.add(searchKey());
        } while (!in.atEnd());
        return keys.size() == 1 ? keys.getFirst() : new SearchKey.And(keys);
    }

    SearchKey searchKey() throws IOException, CommandException {
        int c = in.peek();
        if (c == '(') {
            nest();
            List<SearchKey> keys = new ArrayList<>();
            list(false, () -> keys.add(searchKey()));
            depth--;
            return new SearchKey.And(keys);
        }
        if ((c >= '0' && c <= '9') || c == '*' || c == '$') {
            return new SearchKey.Sequence(sequenceSet());
        }
        return searchKey(keyword());
    }

    /** The search key whose (upper-cased) name has been read already. */
    SearchKey searchKey(String key) throws IOException, CommandException {
        return switch (key) {
            case "ALL" -> new SearchKey.All();
            case "ANSWERED" -> new SearchKey.Flag("\\Answered", true);
            case "DELETED" -> new SearchKey.Flag("\\Deleted", true);
            case "DRAFT" -> new SearchKey.Flag("\\Draft", true);
            case "FLAGGED" -> new SearchKey.Flag("\\Flagged", true);
            case "SEEN" -> new SearchKey.Flag("\\Seen", true);
            case "UNANSWERED" -> new SearchKey.Flag("\\Answered", false);
            case "UNDELETED" -> new SearchKey.Flag("\\Deleted", false);
            case "UNDRAFT" -> new SearchKey.Flag("\\Draft", false);
            case "UNFLAGGED" -> new SearchKey.Flag("\\Flagged", false);
            case "UNSEEN" -> new SearchKey.Flag("\\Seen", false);
            case "KEYWORD" -> new SearchKey.Flag(spThen().flag(), true);
            case "UNKEYWORD" -> new SearchKey.Flag(spThen().flag(), false);
            case "RECENT" -> new SearchKey.Recent();
            case "NEW" -> new SearchKey.And(List.of(new SearchKey.Recent(), new SearchKey.Flag("\\Seen", false)));
            case "OLD" -> new SearchKey.Not(new SearchKey.Recent());
            case "BCC", "CC", "FROM", "SUBJECT", "TO" -> new SearchKey.Header(capitalised(key), spThen().searchString());
            case "HEADER" -> {
                in.sp();
                String field = astring();
                in.sp();
                yield new SearchKey.Header(field, searchString());
            }
            case "BODY" -> new SearchKey.Body(spThen().searchString());
            case "TEXT" -> new SearchKey.Text(spThen().searchString());
            case "BEFORE" -> new SearchKey.InternalDate(SearchKey.DateComparison.BEFORE, spThen().date());
            case "ON" -> new SearchKey.InternalDate(SearchKey.DateComparison.ON, spThen().date());
            case "SINCE" -> new SearchKey.InternalDate(SearchKey.DateComparison.SINCE, spThen().date());
            case "SENTBEFORE" -> new SearchKey.SentDate(SearchKey.DateComparison.BEFORE, spThen().date());
            case "SENTON" -> new SearchKey.SentDate(SearchKey.DateComparison.ON, spThen().date());
            case "SENTSINCE" -> new SearchKey.SentDate(SearchKey.DateComparison.SINCE, spThen().date());
            case "LARGER" -> new SearchKey.Size(true, spThen().modSeq());
            case "SMALLER" -> new SearchKey.Size(false, spThen().modSeq());
            case "OLDER" -> new SearchKey.Age(true, spThen().nzNumber());
            case "YOUNGER" -> new SearchKey.Age(false, spThen().nzNumber());
            case "UID" -> new SearchKey.Uid(spThen().sequenceSet());
            case "NOT" -> {
                in.sp();
                nest();
                SearchKey k = searchKey();
                depth--;
                yield new SearchKey.Not(k);
            }
            case "OR" -> {
                nest();
                in.sp();
                SearchKey left = searchKey();
                in.sp();
                SearchKey right = searchKey();
                depth--;
                yield new SearchKey.Or(left, right);
            }
            case "MODSEQ" -> modSeqKey();
            default -> throw syntax("Unknown search key " + key);
        };
    }

    private SearchKey modSeqKey() throws IOException, CommandException {
        in.sp();
        if (in.peek() == '"') {
            String entry = utf8(in.quoted());
            in.sp();
            String type = keyword().toLowerCase(Locale.ROOT);
            if (!type.equals("priv") && !type.equals("shared") && !type.equals("all")) {
                throw syntax("Invalid MODSEQ entry type");
            }
            in.sp();
            return new SearchKey.ModSeq(modSeq(), Optional.of(entry), Optional.of(type));
        }
        return new SearchKey.ModSeq(modSeq(), Optional.empty(), Optional.empty());
    }

    private static String capitalised(String key) {
        return key.charAt(0) + key.substring(1).toLowerCase(Locale.ROOT);
    }

    private void nest() throws CommandException {
        if (++depth > MAX_NESTING) {
            throw syntax("Search program nested too deeply");
        }
    }

    private CommandGrammar spThen() throws IOException, CommandException {
        in.sp();
        return this;
    }

    // ---- FETCH

    List<FetchItem> fetchItems() throws IOException, CommandException {
        List<FetchItem> items = new ArrayList<>();
        if (in.peek() == '(') {
            list(false, () -> items.add(fetchAtt()));
            return items;
        }
        String word = in.word(".").toUpperCase(Locale.ROOT);
        switch (word) {
            case "ALL" -> items.addAll(List.of(FetchItem.Attribute.FLAGS, FetchItem.Attribute.INTERNALDATE,
                    FetchItem.Attribute.RFC822_SIZE, FetchItem.Attribute.ENVELOPE));
            case "FAST" -> items.addAll(List.of(FetchItem.Attribute.FLAGS, FetchItem.Attribute.INTERNALDATE,
                    FetchItem.Attribute.RFC822_SIZE));
            case "FULL" -> items.addAll(List.of(FetchItem.Attribute.FLAGS, FetchItem.Attribute.INTERNALDATE,
                    FetchItem.Attribute.RFC822_SIZE, FetchItem.Attribute.ENVELOPE, FetchItem.Attribute.BODY));
            default -> items.add(fetchAtt(word));
        }
        return items;
    }

    private FetchItem fetchAtt() throws IOException, CommandException {
        return fetchAtt(in.word(".").toUpperCase(Locale.ROOT));
    }

    private FetchItem fetchAtt(String word) throws IOException, CommandException {
        return switch (word) {
            case "ENVELOPE" -> FetchItem.Attribute.ENVELOPE;
            case "FLAGS" -> FetchItem.Attribute.FLAGS;
            case "INTERNALDATE" -> FetchItem.Attribute.INTERNALDATE;
            case "RFC822" -> FetchItem.Attribute.RFC822;
            case "RFC822.HEADER" -> FetchItem.Attribute.RFC822_HEADER;
            case "RFC822.TEXT" -> FetchItem.Attribute.RFC822_TEXT;
            case "RFC822.SIZE" -> FetchItem.Attribute.RFC822_SIZE;
            case "BODYSTRUCTURE" -> FetchItem.Attribute.BODYSTRUCTURE;
            case "UID" -> FetchItem.Attribute.UID;
            case "MODSEQ" -> FetchItem.Attribute.MODSEQ;
            case "BODY" -> in.peek() == '[' ? new FetchItem.BodySection(section(), false, partial())
                    : FetchItem.Attribute.BODY;
            case "BODY.PEEK" -> new FetchItem.BodySection(section(), true, partial());
            case "BINARY" -> new FetchItem.Binary(binarySection(), false, partial());
            case "BINARY.PEEK" -> new FetchItem.Binary(binarySection(), true, partial());
            case "BINARY.SIZE" -> new FetchItem.BinarySize(binarySection());
            default -> throw syntax("Unknown fetch attribute " + word);
        };
    }

    private Section section() throws IOException, CommandException {
        in.expect('[');
        List<Integer> part = new ArrayList<>();
        Section.Text text = Section.Text.NONE;
        List<String> fields = new ArrayList<>();
        if (!in.accept(']')) {
            while (true) {
                int c = in.peek();
                if (c >= '0' && c <= '9') {
                    part.add(partNumber());
                    if (in.accept('.')) {
                        continue;
                    }
                    break;
                }
                String name = in.word(".").toUpperCase(Locale.ROOT);
                text = switch (name) {
                    case "HEADER" -> Section.Text.HEADER;
                    case "HEADER.FIELDS" -> Section.Text.HEADER_FIELDS;
                    case "HEADER.FIELDS.NOT" -> Section.Text.HEADER_FIELDS_NOT;
                    case "TEXT" -> Section.Text.TEXT;
                    case "MIME" -> Section.Text.MIME;
                    default -> throw syntax("Invalid section " + name);
                };
                if (text == Section.Text.HEADER_FIELDS || text == Section.Text.HEADER_FIELDS_NOT) {
                    in.sp();
                    list(false, () -> fields.add(astring()));
                }
                break;
            }
            in.expect(']');
        }
        if (text == Section.Text.MIME && part.isEmpty()) {
            throw syntax("MIME needs a part number");
        }
        return new Section(part, text, fields);
    }

    private int partNumber() throws IOException, CommandException {
        long n = nzNumber();
        if (n > Integer.MAX_VALUE) {
            throw syntax("Part number too large");
        }
        return (int) n;
    }

    private List<Integer> binarySection() throws IOException, CommandException {
        in.expect('[');
        List<Integer> part = new ArrayList<>();
        if (!in.accept(']')) {
            do {
                part.add(partNumber());
            } while (in.accept('.'));
            in.expect(']');
        }
        return part;
    }

    private Optional<FetchItem.Partial> partial() throws IOException, CommandException {
        if (!in.accept('<')) {
            return Optional.empty();
        }
        long origin = modSeq();
        in.expect('.');
        long count = modSeq();
        in.expect('>');
        if (count == 0) {
            throw syntax("Partial count must not be zero");
        }
        return Optional.of(new FetchItem.Partial(origin, count));
    }

    // ---- STATUS and LIST

    Set<StatusItem> statusItems() throws IOException, CommandException {
        Set<StatusItem> items = EnumSet.noneOf(StatusItem.class);
        list(false, () -> {
            String name = keyword();
            try {
                items.add(StatusItem.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw syntax("Unknown status item " + name);
            }
        });
        return items;
    }

    Map<String, Optional<String>> idParameters() throws IOException, CommandException {
        Map<String, Optional<String>> params = new LinkedHashMap<>();
        if (in.peek() != '(') {
            if (!keyword().equals("NIL")) {
                throw syntax("Expected a list or NIL");
            }
            return params;
        }
        list(true, () -> {
            String field = utf8(in.string());
            in.sp();
            byte[] value = in.nstring();
            if (params.size() >= 30) {
                throw syntax("Too many ID parameters");
            }
            params.put(field, Optional.ofNullable(value).map(CommandGrammar::utf8));
        });
        return params;
    }

    /** {@code [SP "(" modifier ... ")"]} after FETCH: CHANGEDSINCE and VANISHED (RFC 7162). */
    record FetchModifiers(OptionalLong changedSince, boolean vanished) {
    }

    FetchModifiers fetchModifiers() throws IOException, CommandException {
        long[] changedSince = {-1};
        boolean[] vanished = {false};
        if (in.atEnd()) {
            return new FetchModifiers(OptionalLong.empty(), false);
        }
        in.sp();
        list(false, () -> {
            String name = keyword();
            switch (name) {
                case "CHANGEDSINCE" -> {
                    in.sp();
                    changedSince[0] = modSeq();
                }
                case "VANISHED" -> vanished[0] = true;
                default -> throw syntax("Unknown fetch modifier " + name);
            }
        });
        return new FetchModifiers(changedSince[0] < 0 ? OptionalLong.empty() : OptionalLong.of(changedSince[0]),
                vanished[0]);
    }
}
