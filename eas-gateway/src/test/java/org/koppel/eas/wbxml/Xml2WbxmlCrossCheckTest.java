package org.koppel.eas.wbxml;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks against libwbxml's tools (Debian libwbxml2-utils) when they are installed:
 * xml2wbxml must produce bytes our reader reads as the same document, and wbxml2xml must read our
 * bytes. Skipped, with a message, where the tools are missing.
 */
class Xml2WbxmlCrossCheckTest {
    private static final CodePages PAGES = CodePages.load();
    private static final String[] DOCS = {"golden/ping-request", "golden/sync-options-request", "golden/foldersync-request"};

    @TempDir
    Path dir;

    private static boolean installed(String tool) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timeout: " + String.join(" ", command));
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + output);
    }

    @Test
    void libwbxmlEncodesTheSameDocuments() throws Exception {
        assumeTrue(installed("xml2wbxml"), "xml2wbxml (Debian libwbxml2-utils) is not installed; cross-check skipped");
        WbxmlXml xml = new WbxmlXml(PAGES);
        for (String doc : DOCS) {
            byte[] ours = Fixtures.hex(doc + ".hex");
            Path in = dir.resolve("in.xml");
            Path out = dir.resolve("out.wbxml");
            // libwbxml picks its language from the document type, which ActiveSync XML does not carry.
            String text = xml.toXml(ours);
            int afterDeclaration = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
            Files.writeString(in, text.substring(0, afterDeclaration)
                    + "\n<!DOCTYPE ActiveSync PUBLIC \"-//MICROSOFT//DTD ActiveSync//EN\" \"http://www.microsoft.com/\">\n"
                    + text.substring(afterDeclaration));
            run("xml2wbxml", "-v", "1.3", "-n", "-a", "-o", out.toString(), in.toString());
            assertEquals(Fixtures.events(PAGES, ours), Fixtures.events(PAGES, Files.readAllBytes(out)), doc);
        }
    }

    @Test
    void libwbxmlDecodesOurBytes() throws Exception {
        assumeTrue(installed("wbxml2xml"), "wbxml2xml (Debian libwbxml2-utils) is not installed; cross-check skipped");
        for (String doc : DOCS) {
            Path in = dir.resolve("in.wbxml");
            Files.write(in, Fixtures.hex(doc + ".hex"));
            Path out = dir.resolve("out.xml");
            run("wbxml2xml", "-l", "ACTIVESYNC", "-o", out.toString(), in.toString());
            assertFalse(Files.readString(out).isBlank(), doc);
        }
    }
}
