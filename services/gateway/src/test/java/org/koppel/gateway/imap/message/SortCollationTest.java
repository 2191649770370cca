package org.koppel.gateway.imap.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SortCollationTest {

    private static List<String> sorted(String... values) {
        return Stream.of(values).sorted(Comparator.comparing(SortCollation::key)).toList();
    }

    /** i;ascii-casemap (RFC 4790 9.2): letters as capitals, then octets, so [ \ ] ^ _ ` come after every letter. */
    @Test
    void punctuationBetweenTheCasesSortsAfterLetters() {
        assertEquals(List.of("a", "Z", "[x]", "_"), sorted("_", "[x]", "Z", "a"));
        assertEquals(List.of("@home", "apple", "Banana", "cherry", "^caret"),
                sorted("^caret", "cherry", "Banana", "apple", "@home"));
    }

    @Test
    void caseVariantsShareOneKey() {
        assertEquals(SortCollation.key("Hello World"), SortCollation.key("hELLO wORLD"));
        assertEquals(SortCollation.key("\u212A"), SortCollation.key("k")); // Kelvin sign
        assertEquals(SortCollation.key("Stra\u00dfe"), SortCollation.key("STRASSE"));
    }
}
