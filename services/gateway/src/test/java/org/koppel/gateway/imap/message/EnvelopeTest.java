package org.koppel.gateway.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static String envelope(String name) throws Exception {
        Envelope e = TestMessages.reader(name).envelope();
        return ResponseText.of(e::write);
    }

    @Test
    void senderAndReplyToDefaultToFromAndGroupsAreMarked() throws Exception {
        String from = "((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\"))";
        assertEquals("(\"Mon, 7 Feb 1994 21:52:25 -0800 (PST)\" \"=?ISO-8859-1?Q?Caf=E9?= afternoon\" " + from + " "
                + from + " " + from + " ((NIL NIL \"mooch\" \"owatagu.siam.edu.example\")(NIL NIL \"Group\" NIL)"
                + "(NIL NIL \"a\" \"b.example\")(\"Quoted, Name\" NIL \"q\" \"c.example\")(NIL NIL NIL NIL))"
                + " ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL"
                + " \"<parent@Blurdybloop.example>\" \"<B27397-0100000@Blurdybloop.example>\")", envelope("nested.eml"));
    }

    /** A stray ')' outside a comment once made the tokenizer spin without advancing until the heap ran out. */
    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aStrayClosingParenthesisEnds() {
        assertEquals(List.of(), AddressList.parse(")))"));
        org.junit.jupiter.api.Assertions.assertFalse(AddressList.parse("a) <b@c.example>").isEmpty());
    }

    @Test
    void explicitSender() throws Exception {
        assertEquals("(\"Fri, 21 Nov 1997 09:55:06 -0600\" \"Saying Hello\" ((\"John Doe\" NIL \"jdoe\" \"machine.example\"))"
                + " ((\"Michael Jones\" NIL \"mjones\" \"machine.example\")) ((\"John Doe\" NIL \"jdoe\" \"machine.example\"))"
                + " ((\"Mary Smith\" NIL \"mary\" \"example.net\")) NIL NIL NIL \"<1234@local.machine.example>\")",
                envelope("simple.eml"));
    }

    @Test
    void addressForms() {
        // the obsolete "addr-spec (Name)" form: the comment is the person's name, as c-client and Dovecot show it
        assertEquals(List.of(new EnvelopeAddress.Mailbox(Optional.of("John Doe"), Optional.empty(), "john.doe",
                "example.com")), AddressList.parse("john.doe@example.com (John Doe)"));
        assertEquals(List.of(new EnvelopeAddress.Mailbox(Optional.of("Ann (A.) Lee"), Optional.empty(), "ann", "x.org"),
                new EnvelopeAddress.Mailbox(Optional.empty(), Optional.empty(), "bob", "x.org")),
                AddressList.parse("ann@x.org (Ann \\(A.\\) Lee), bob (home) @ x.org ()"));
        // comments elsewhere are dropped, not names
        assertEquals(List.of(new EnvelopeAddress.Mailbox(Optional.empty(), Optional.empty(), "user-from",
                "domain.org")), AddressList.parse("<user-from (comment)@ (comment) domain.org>"));
        assertEquals(List.of(new EnvelopeAddress.Mailbox(Optional.of("Joe Q. Public"), Optional.of("@a.example,@b.example"),
                "john", "example.com")), AddressList.parse("Joe Q. Public <@a.example,@b.example:john@example.com>"));
        assertEquals(List.of(new EnvelopeAddress.Mailbox(Optional.of("=?utf-8?q?J=C3=B6rg?="), Optional.empty(), "j",
                "example.de")), AddressList.parse("=?utf-8?q?J=C3=B6rg?= <j@example.de>"));
        assertEquals(List.of(new EnvelopeAddress.Mailbox(Optional.empty(), Optional.empty(), "\"john doe\"",
                "example.com")), AddressList.parse("\"john doe\"@example.com"));
        assertEquals(List.of(new EnvelopeAddress.Mailbox(Optional.empty(), Optional.empty(), "postmaster",
                EnvelopeAddress.MISSING_DOMAIN)), AddressList.parse("postmaster"));
        assertEquals(2, AddressList.parse("a@b, , c@d,").size());
    }

    @Test
    void unbalancedParenthesisIsIgnored() {
        // found by MessageStructureFuzzTest: a stray ')' made the tokenizer loop without consuming input
        assertEquals(List.of(new EnvelopeAddress.Mailbox(Optional.empty(), Optional.empty(), "barry", "digicrryA.Warsaw")),
                AddressList.parse("barry@digicrry A. Warsaw)"));
    }

    @Test
    void garbageNeverThrows() {
        for (String s : new String[] {"<", ">", "@", ":;", "a:b:c;", "\"unterminated", "(comment", "<@", "<a@", "[",
            "a@[1.2.3.4", ";;;,,,", "g: <x@y>, (c) z@w ;, more", "barry@digicrry A. Warsaw)", ")", "a) <b@c>"}) {
            AddressList.parse(s);
        }
    }
}
