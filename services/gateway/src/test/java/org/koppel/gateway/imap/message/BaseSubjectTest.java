package org.koppel.gateway.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BaseSubjectTest {

    private static void base(String expected, boolean marked, String subject) {
        assertEquals(new BaseSubject(expected, marked), BaseSubject.of(subject), subject);
    }

    @Test
    void removesReplyAndForwardMarkers() {
        base("Hello", true, "Re: Hello");
        base("Hello", true, "RE[2]: Hello");
        base("Hello", true, "Fwd: Re: fw:  Hello");
        base("Hello", true, "[list] Re: [other] Fwd: Hello (fwd)");
        base("test", true, "[fwd: Re: test]");
        base("test", true, "[Fwd: [fwd: test (fwd)]]");
        base("Hello", true, "Hello (FWD) ");
    }

    @Test
    void removesBlobsOnlyWhenSomethingRemains() {
        base("Hello", false, "[list] Hello");
        base("[list]", false, "[list]");
        base("[a]", false, "[a] [b] [a]".substring(8));
    }

    @Test
    void collapsesWhiteSpaceAndDecodesEncodedWords() {
        base("foo bar", false, "  foo\t \r\n bar  ");
        base("Caf\u00e9 afternoon", false, "=?ISO-8859-1?Q?Caf=E9?= afternoon");
        base("", true, "Re:");
        base("", false, "");
        base("Reply", false, "Reply");
        base("Re Hello", false, "Re Hello");
    }

    @Test
    void keyIgnoresCase() {
        assertEquals(BaseSubject.of("Re: HELLO").key(), BaseSubject.of("hello").key());
    }
}
