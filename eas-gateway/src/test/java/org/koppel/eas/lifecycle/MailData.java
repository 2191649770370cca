package org.koppel.eas.lifecycle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.sync.ApplicationDataDecoder;
import org.koppel.eas.sync.ApplicationDataWriter;

/**
 * The few Email elements these tests exchange (Subject, Read, Flag Status/FlagType, Categories, a plain
 * body), in both directions: what the test client sends in Change and Add, and what it reads from the
 * gateway's Add, Change and Fetch. The gateway itself uses the email codec of org.koppel.eas.email; these tests read and write the
 * elements independently of it.
 */
record MailData(Optional<String> subject, Optional<Boolean> read, Optional<Integer> flagStatus,
        Optional<String> flagType, Optional<List<String>> categories, Optional<String> body)
        implements ApplicationDataWriter {

    static MailData none() {
        return new MailData(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    MailData withSubject(String s) {
        return new MailData(Optional.of(s), read, flagStatus, flagType, categories, body);
    }

    MailData withRead(boolean r) {
        return new MailData(subject, Optional.of(r), flagStatus, flagType, categories, body);
    }

    MailData withFlag(int status, String type) {
        return new MailData(subject, read, Optional.of(status), Optional.of(type), categories, body);
    }

    MailData withCategories(List<String> c) {
        return new MailData(subject, read, flagStatus, flagType, Optional.of(c), body);
    }

    MailData withBody(String b) {
        return new MailData(subject, read, flagStatus, flagType, categories, Optional.of(b));
    }

    @Override
    public void write(ElementWriter out) throws IOException {
        out.optional("Email:Subject", subject).optional("Email:Read", read);
        if (flagStatus.isPresent()) {
            out.start("Email:Flag").element("Email:FlagStatus", flagStatus.get())
                    .optional("Email:FlagType", flagType).end();
        }
        if (categories.isPresent()) {
            out.start("Email:Categories");
            for (String c : categories.get()) {
                out.element("Email:Category", c);
            }
            out.end();
        }
        if (body.isPresent()) {
            out.start("AirSyncBase:Body").element("AirSyncBase:Type", 1)
                    .element("AirSyncBase:Data", body.get()).end();
        }
    }

    /** Reads what {@link #write} writes; other Email and AirSyncBase elements are skipped. */
    static final ApplicationDataDecoder<MailData> DECODER = (collectionId, in) -> {
        MailData d = none();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Email:Subject" -> d = d.withSubject(in.text(4096));
                case "Email:Read" -> d = d.withRead(in.bool());
                case "Email:Flag" -> d = flag(in, d);
                case "Email:Categories" -> {
                    List<String> cs = new ArrayList<>();
                    while (in.nextChild()) {
                        cs.add(in.text(256));
                    }
                    d = d.withCategories(cs);
                }
                case "AirSyncBase:Body" -> d = d.withBody(body(in));
                default -> in.raw().skipElement();
            }
        }
        return d;
    };

    private static MailData flag(ElementReader in, MailData d) throws DecodeException, IOException {
        int status = 0;
        String type = "";
        if (in.isEmptyElement()) {
            in.empty();
            return d.withFlag(0, "");
        }
        while (in.nextChild()) {
            switch (in.name()) {
                case "Email:FlagStatus" -> status = in.integer(0, 2);
                case "Email:FlagType" -> type = in.text(256);
                default -> in.raw().skipElement();
            }
        }
        return d.withFlag(status, type);
    }

    private static String body(ElementReader in) throws DecodeException, IOException {
        String data = "";
        while (in.nextChild()) {
            switch (in.name()) {
                case "AirSyncBase:Data" -> data = in.text(1 << 20);
                default -> in.raw().skipElement();
            }
        }
        return data;
    }
}
