package org.koppel.gateway.pop3;

import java.util.List;
import java.util.Optional;

/**
 * One parsed command line: the command and its arguments (RFC 1939 section 3: a keyword, then arguments
 * separated by single spaces; PASS and USER take the rest of the line as one argument).
 */
record Pop3Request(Pop3Command command, List<String> args) {

    Pop3Request {
        args = List.copyOf(args);
    }

    /** Why a line is not a command. */
    enum Problem {
        UNKNOWN_COMMAND,
        BAD_ARGUMENTS
    }

    /** A request, or the problem with the line. */
    record Parsed(Optional<Pop3Request> request, Optional<Problem> problem) {
    }

    static Parsed parse(String line) {
        int space = line.indexOf(' ');
        String keyword = space < 0 ? line : line.substring(0, space);
        Optional<Pop3Command> command = keyword.isEmpty() || keyword.length() > 4 ? Optional.empty()
                : Pop3Command.named(keyword);
        if (command.isEmpty()) {
            return new Parsed(Optional.empty(), Optional.of(Problem.UNKNOWN_COMMAND));
        }
        String rest = space < 0 ? "" : line.substring(space + 1);
        List<String> args;
        if (space < 0) {
            args = List.of();
        } else if (command.get().restOfLine()) {
            args = rest.isEmpty() ? List.of() : List.of(rest);
        } else {
            args = List.of(rest.strip().split(" +", -1));
            if (rest.isBlank()) {
                args = List.of();
            }
        }
        if (!command.get().acceptsArgs(args.size())) {
            return new Parsed(Optional.empty(), Optional.of(Problem.BAD_ARGUMENTS));
        }
        return new Parsed(Optional.of(new Pop3Request(command.get(), args)), Optional.empty());
    }
}
