package org.koppel.gateway.imap.message;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the RFC 5322 Date header, obsolete forms included (two-digit years, named zones, missing seconds), for the
 * SENT* search keys and the DATE sort key.
 */
public final class SentDate {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
        "dec"};

    private SentDate() {
    }

    /** The date and time with the header's own offset, or empty if missing or unparsable. */
    public static Optional<OffsetDateTime> of(Headers headers) {
        return headers.text("Date").flatMap(SentDate::parse);
    }

    /** The calendar date as written, disregarding time and zone (RFC 9051 SENTON). */
    public static Optional<LocalDate> dateOf(Headers headers) {
        return of(headers).map(OffsetDateTime::toLocalDate);
    }

    public static Optional<OffsetDateTime> parse(String value) {
        String s = stripComments(value).replace(',', ' ').trim();
        String[] words = s.split("\\s+");
        int i = 0;
        if (words.length > 0 && words[0].length() >= 3 && Character.isLetter(words[0].charAt(0))) {
            i++; // day of week
        }
        try {
            if (words.length < i + 4) {
                return Optional.empty();
            }
            int day = Integer.parseInt(words[i]);
            int month = month(words[i + 1]);
            int year = Integer.parseInt(words[i + 2]);
            if (words[i + 2].length() <= 2) {
                year += year < 50 ? 2000 : 1900;
            } else if (words[i + 2].length() == 3) {
                year += 1900;
            }
            String[] time = words[i + 3].split(":");
            if (time.length < 1 || time.length > 3) {
                return Optional.empty();
            }
            int hour = Integer.parseInt(time[0]);
            int minute = time.length > 1 ? Integer.parseInt(time[1]) : 0;
            int second = time.length > 2 ? Integer.parseInt(time[2]) : 0;
            ZoneOffset zone = words.length > i + 4 ? zone(words[i + 4]) : ZoneOffset.UTC;
            if (month < 1 || second > 60) {
                return Optional.empty();
            }
            return Optional.of(OffsetDateTime.of(year, month, day, hour, minute, Math.min(second, 59), 0, zone));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (int m = 0; m < MONTHS.length; m++) {
            if (lower.startsWith(MONTHS[m])) {
                return m + 1;
            }
        }
        return -1;
    }

    private static ZoneOffset zone(String zone) {
        if ((zone.startsWith("+") || zone.startsWith("-")) && zone.length() == 5) {
            int hours = Integer.parseInt(zone.substring(1, 3));
            int minutes = Integer.parseInt(zone.substring(3, 5));
            int sign = zone.startsWith("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        return switch (zone.toUpperCase(Locale.ROOT)) {
            case "EDT" -> ZoneOffset.ofHours(-4);
            case "EST", "CDT" -> ZoneOffset.ofHours(-5);
            case "CST", "MDT" -> ZoneOffset.ofHours(-6);
            case "MST", "PDT" -> ZoneOffset.ofHours(-7);
            case "PST" -> ZoneOffset.ofHours(-8);
            default -> ZoneOffset.UTC; // UT, GMT, Z, military and unknown zones: RFC 5322 4.3 says treat as +0000
        };
    }

    private static String stripComments(String s) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
