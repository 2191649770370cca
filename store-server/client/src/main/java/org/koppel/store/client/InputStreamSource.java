package org.koppel.store.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Where attachment data comes from: opened once by the store, read to the end and closed. */
@FunctionalInterface
public interface InputStreamSource {

    InputStream open() throws IOException;

    static InputStreamSource ofBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        return () -> new ByteArrayInputStream(copy);
    }
}
