package org.koppel.gateway.imap.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.koppel.gateway.imap.syntax.ResponseWriter;

/** Renders what an encoder writes, for assertions. */
final class ResponseText {

    interface Encoder {
        void write(ResponseWriter w) throws IOException;
    }

    private ResponseText() {
    }

    static String of(Encoder encoder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.write(new ResponseWriter(out));
        return out.toString(StandardCharsets.UTF_8);
    }
}
