package org.koppel.eas.sync;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.codec.ElementWriter;

/**
 * A few Email and AirSyncBase elements of an ApplicationData, enough to prove the Sync codec's
 * seam in both directions; the real email codec lives elsewhere.
 */
record TestEmail(Optional<String> subject, Optional<Boolean> read, Optional<String> plainBody)
        implements ApplicationDataWriter {

    static TestEmail subject(String s) {
        return new TestEmail(Optional.of(s), Optional.empty(), Optional.empty());
    }

    static TestEmail read(boolean r) {
        return new TestEmail(Optional.empty(), Optional.of(r), Optional.empty());
    }

    @Override
    public void write(ElementWriter out) throws IOException {
        out.optional("Email:Subject", subject).optional("Email:Read", read);
        if (plainBody.isPresent()) {
            out.start("AirSyncBase:Body").element("AirSyncBase:Type", 1)
                    .element("AirSyncBase:Data", plainBody.get()).end();
        }
    }

    /** Decodes what {@link #write} writes; anything else is refused. */
    static final ApplicationDataDecoder<TestEmail> DECODER = (collectionId, in) -> {
        Optional<String> subject = Optional.empty();
        Optional<Boolean> read = Optional.empty();
        Optional<String> body = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (in.nextChild()) {
            in.once(seen);
            switch (in.name()) {
                case "Email:Subject" -> subject = Optional.of(in.text(1024));
                case "Email:Read" -> read = Optional.of(in.bool());
                case "AirSyncBase:Body" -> body = Optional.of(body(in));
                default -> throw in.unexpected();
            }
        }
        return new TestEmail(subject, read, body);
    };

    private static String body(ElementReader in) throws DecodeException, IOException {
        String data = "";
        while (in.nextChild()) {
            switch (in.name()) {
                case "AirSyncBase:Type" -> in.integer(1, 1);
                case "AirSyncBase:Data" -> data = in.text(1 << 20);
                default -> throw in.unexpected();
            }
        }
        return data;
    }
}
