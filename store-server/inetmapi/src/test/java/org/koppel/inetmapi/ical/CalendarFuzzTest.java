package org.koppel.inetmapi.ical;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.koppel.inetmapi.ContentMessage;
import org.koppel.inetmapi.LocalNamedTags;

/**
 * Truncated and mutated calendars from the corpus: the reader converts them or says why with a
 * {@link CalendarException}; nothing else escapes, nothing hangs, and what it converts can be written.
 */
class CalendarFuzzTest {

    private static final String[] NASTY = {"\r\nBEGIN:VEVENT\r\n", "\r\nRRULE:FREQ=SECONDLY;INTERVAL=0\r\n",
        "\r\nDTSTART;TZID=Nowhere/Land:20260101T000000\r\n", "\r\nEXDATE:\r\n", "\r\nRRULE:FREQ=YEARLY;BYMONTH=13\r\n",
        ";", ":", "\r\n ", "\r\nDURATION:P99999999D\r\n", "\r\nEND:VTIMEZONE\r\n"};

    @Test
    void mutatedCalendarsConvertOrFailCleanly() throws Exception {
        List<Path> files = CalendarFiles.files(CalendarFiles.corpus());
        Random r = new Random(1129L);
        int converted = 0;
        int refused = 0;
        for (Path f : files) {
            String original = CalendarFiles.read(f);
            for (int i = 0; i < 60; i++) {
                String mutated = mutate(original, r);
                int[] outcome = new int[1];
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                    outcome[0] = convert(mutated);
                }, () -> f.getFileName() + " mutation hangs");
                if (outcome[0] > 0) {
                    converted++;
                } else {
                    refused++;
                }
            }
        }
        assertTrue(converted > 0 && refused > 0, converted + " converted, " + refused + " refused");
    }

    /** 1 when converted and written back, 0 when refused with a CalendarException. */
    private static int convert(String ics) {
        LocalNamedTags names = new LocalNamedTags();
        try {
            List<CalendarItem> items = new CalendarReader().read(
                    new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)), names);
            new CalendarWriter().write(items.stream().map(i -> new ContentMessage(i.content())).toList(), names);
            return 1;
        } catch (CalendarException refused) {
            return 0;
        }
    }

    private static String mutate(String s, Random r) {
        if (s.isEmpty()) {
            return s;
        }
        return switch (r.nextInt(4)) {
            case 0 -> s.substring(0, r.nextInt(s.length()));
            case 1 -> {
                StringBuilder b = new StringBuilder(s);
                for (int k = 0; k < 1 + r.nextInt(10); k++) {
                    b.setCharAt(r.nextInt(b.length()), (char) (32 + r.nextInt(95)));
                }
                yield b.toString();
            }
            case 2 -> {
                int at = r.nextInt(s.length());
                yield s.substring(0, at) + NASTY[r.nextInt(NASTY.length)] + s.substring(at);
            }
            default -> {
                int from = r.nextInt(s.length());
                int to = Math.min(s.length(), from + r.nextInt(200));
                yield s.substring(0, from) + s.substring(to);
            }
        };
    }
}
