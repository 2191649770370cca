package org.koppel.eas.sync;

import java.io.IOException;
import org.koppel.eas.codec.ElementWriter;

/**
 * Writes the content of one airsync:ApplicationData element (the codec writes the element
 * itself). A response holds these rather than finished items so that bodies and attachments
 * stream from the backend into the response as it is written.
 */
@FunctionalInterface
public interface ApplicationDataWriter {
    void write(ElementWriter out) throws IOException;
}
