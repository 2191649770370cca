package org.koppel.backend;

import java.io.IOException;
import java.io.InputStream;

/** Data opened on demand as a stream the caller closes, so bodies and attachments are never held whole. */
@FunctionalInterface
public interface ContentSource {
    InputStream open() throws IOException;
}
