package org.koppel.store.client.soap;

import jakarta.activation.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.koppel.store.client.InputStreamSource;

/** Attachment data as the activation DataSource behind an MTOM part, opened when the part is written. */
public record SourceDataSource(InputStreamSource source) implements DataSource {

    @Override
    public InputStream getInputStream() throws IOException {
        return source.open();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("attachment data is read only");
    }

    @Override
    public String getContentType() {
        return "application/octet-stream";
    }

    @Override
    public String getName() {
        return "attachment";
    }
}
