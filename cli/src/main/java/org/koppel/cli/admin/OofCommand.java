package org.koppel.cli.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.koppel.store.api.OutOfOffice;
import org.koppel.store.api.OutOfOfficeMessage;
import org.koppel.store.api.Server;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code koppel admin oof ...}: a user's out-of-office reply, kept in their store where the delivery agent
 * reads it ({@link OutOfOfficeMessage}).
 */
@Command(name = "oof", mixinStandardHelpOptions = true, description = "Out-of-office replies: show, set, disable.",
        subcommands = {OofCommand.Show.class, OofCommand.Set.class, OofCommand.Disable.class})
final class OofCommand {

    @ParentCommand
    AdminCommand admin;

    private static OutOfOfficeMessage of(Server server, String name) {
        return server.user(name).store().outOfOffice();
    }

    void show(String login, OutOfOffice oof) {
        ObjectNode node = JsonForm.object();
        node.put("user", login);
        node.put("enabled", oof.enabled());
        node.put("subject", oof.subject());
        node.put("text", oof.text());
        oof.from().ifPresentOrElse(f -> node.put("from", f.toString()), () -> node.putNull("from"));
        oof.until().ifPresentOrElse(u -> node.put("until", u.toString()), () -> node.putNull("until"));
        node.put("activeNow", oof.activeAt(Instant.now()));
        node.put("internal", oof.internal());
        node.put("external", oof.external().name().toLowerCase(java.util.Locale.ROOT));
        node.put("externalText", oof.externalText());
        admin.print(node, out -> describe(out, login, oof));
    }

    private static void describe(PrintWriter out, String login, OutOfOffice oof) {
        out.printf("user:      %s%n", login);
        out.printf("enabled:   %s%s%n", oof.enabled() ? "yes" : "no",
                oof.enabled() && !oof.activeAt(Instant.now()) ? " (outside its window now)" : "");
        out.printf("subject:   %s%n", oof.subject().isEmpty() ? "(Out of office: <original subject>)" : oof.subject());
        out.printf("from:      %s%n", oof.from().map(Instant::toString).orElse("-"));
        out.printf("until:     %s%n", oof.until().map(Instant::toString).orElse("-"));
        out.printf("answers:   %s%s%n", oof.internal() ? "inside senders" : "no inside senders", switch (oof.external()) {
            case ALL -> ", all outside senders";
            case KNOWN -> ", known outside senders (none recognised yet)";
            case NONE -> ", no outside senders";
        });
        out.printf("text:%n%s%n", oof.text());
        if (!oof.externalText().isEmpty()) {
            out.printf("text for outside senders:%n%s%n", oof.externalText());
        }
    }

    /** An ISO instant, date-time with offset, local date-time or date (in this machine's zone); "none": no bound. */
    static Optional<Instant> when(CommandLine cl, String option, String value) {
        if (value.equalsIgnoreCase("none") || value.isBlank()) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.systemDefault();
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            // try the looser forms
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return Optional.of(LocalDateTime.parse(value).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, option + ": not an ISO date or time: " + value);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a user's out-of-office settings.")
    static final class Show implements Callable<Integer> {
        @ParentCommand OofCommand parent;
        @Parameters(paramLabel = "USER") String name;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                parent.show(server.user(name).name(), of(server, name).read());
                return 0;
            });
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Turns a user's out-of-office on; options not given keep their earlier values.")
    static final class Set implements Callable<Integer> {
        @Spec CommandLine.Model.CommandSpec spec;
        @ParentCommand OofCommand parent;
        @Parameters(paramLabel = "USER") String name;
        @Option(names = "--subject", paramLabel = "S",
                description = "The reply's subject (empty: \"Out of office: \" and the original subject).")
        String subject;
        @ArgGroup(exclusive = true) Text text;
        @Option(names = "--from", paramLabel = "ISO", description = "Replies start then (none: at once).")
        String from;
        @Option(names = "--until", paramLabel = "ISO", description = "Replies stop then (none: never).")
        String until;

        static final class Text {
            @Option(names = "--text", paramLabel = "T", description = "The reply's text.") String inline;
            @Option(names = "--text-file", paramLabel = "FILE", description = "A UTF-8 file with the reply's text.")
            Path file;
        }

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            Optional<Instant> start = from == null ? null : when(cl, "--from", from);
            Optional<Instant> end = until == null ? null : when(cl, "--until", until);
            String body = null;
            if (text != null) {
                try {
                    body = text.inline != null ? text.inline : Files.readString(text.file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new CommandLine.ParameterException(cl, "--text-file: cannot read " + text.file + ": "
                            + e.getMessage());
                }
            }
            String newText = body;
            return parent.admin.run(server -> {
                OutOfOfficeMessage stored = of(server, name);
                OutOfOffice old = stored.read();
                OutOfOffice oof;
                try {
                    // Who is answered (set from a phone) is kept; a new text is for everyone.
                    oof = new OutOfOffice(true, subject != null ? subject : old.subject(),
                            newText != null ? newText : old.text(), start != null ? start : old.from(),
                            end != null ? end : old.until(), old.internal(), old.external(),
                            newText != null ? "" : old.externalText());
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cl, e.getMessage());
                }
                stored.write(oof);
                parent.show(server.user(name).name(), oof);
                return 0;
            });
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Turns a user's out-of-office off (subject, text and window are kept).")
    static final class Disable implements Callable<Integer> {
        @ParentCommand OofCommand parent;
        @Parameters(paramLabel = "USER") String name;

        @Override
        public Integer call() {
            return parent.admin.run(server -> {
                OutOfOfficeMessage stored = of(server, name);
                OutOfOffice oof = stored.read().disabled();
                stored.write(oof);
                parent.show(server.user(name).name(), oof);
                return 0;
            });
        }
    }
}
