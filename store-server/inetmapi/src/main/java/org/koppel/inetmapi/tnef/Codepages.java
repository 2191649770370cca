package org.koppel.inetmapi.tnef;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/** Windows code page numbers (attOemCodepage, PR_INTERNET_CPID, RTF's \ansicpg) to Java charsets. */
final class Codepages {

    private static final Map<Integer, String> NAMED = Map.ofEntries(
            Map.entry(65001, "UTF-8"), Map.entry(1200, "UTF-16LE"), Map.entry(1201, "UTF-16BE"),
            Map.entry(20127, "US-ASCII"), Map.entry(932, "windows-31j"), Map.entry(936, "GBK"),
            Map.entry(949, "x-windows-949"), Map.entry(950, "x-windows-950"), Map.entry(10000, "x-MacRoman"),
            Map.entry(20866, "KOI8-R"), Map.entry(21866, "KOI8-U"), Map.entry(50220, "ISO-2022-JP"),
            Map.entry(51932, "EUC-JP"), Map.entry(51949, "EUC-KR"), Map.entry(54936, "GB18030"));

    private Codepages() {
    }

    /** The charset of a code page; Windows-1252, TNEF's own default, when Java does not know it. */
    static Charset charset(long codepage) {
        if (codepage <= 0 || codepage > 65535) {
            return Charset.forName("windows-1252");
        }
        int cp = (int) codepage;
        String name = NAMED.get(cp);
        if (name == null && cp >= 28591 && cp <= 28606) {
            name = "ISO-8859-" + (cp - 28590);
        }
        for (String candidate : name != null ? new String[] {name} : new String[] {"windows-" + cp, "x-windows-" + cp,
                "IBM" + cp, "x-IBM" + cp}) {
            try {
                return Charset.forName(candidate);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                // try the next spelling
            }
        }
        return Charset.forName("windows-1252");
    }
}
