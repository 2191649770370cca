package org.koppel.dist;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command of the launcher can be built and asked for help (a clash of option names breaks them all). */
class KoppelCommandLineTest {

    @Test
    void everyCommandAnswersHelp() {
        for (String[] args : new String[][] {{"--help"}, {"serve", "--help"}, {"admin", "--help"},
            {"admin", "user", "add", "--help"}, {"bench", "sync", "--help"}, {"bench", "eas", "--help"}, {"bench", "eas-fetch", "--help"}, {"bench", "sendmail", "--help"}, {"purge-attachments", "--help"}}) {
            CommandLine cl = Koppel.commandLine();
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out));
            assertEquals(0, cl.execute(args), String.join(" ", args));
            assertTrue(out.toString().contains("Usage"), out.toString());
        }
    }
}
