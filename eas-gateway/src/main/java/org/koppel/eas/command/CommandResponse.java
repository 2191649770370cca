package org.koppel.eas.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * What a command handler answers; the HTTP layer turns it into status, headers and bytes (gzipped when the
 * client asked). Bodies are written by the handler's code straight to the response stream, never built as a
 * document first.
 */
public sealed interface CommandResponse {

    /** Writes a body to the response stream; called once, on the thread that sends the response. */
    @FunctionalInterface
    interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Opens a part's bytes; called once, when the part is sent. */
    @FunctionalInterface
    interface StreamSource {
        InputStream open() throws IOException;
    }

    /** 200 with a WBXML body ({@code application/vnd.ms-sync.wbxml}). */
    record Wbxml(BodyWriter body) implements CommandResponse {
        public Wbxml {
            Objects.requireNonNull(body, "body");
        }
    }

    /** 200 without a body (e.g. SendMail that went well, or Sync with nothing to say in 14.0+). */
    record Empty() implements CommandResponse {
    }

    /** 200 with raw bytes of a known length (GetAttachment). */
    record Content(String contentType, long length, StreamSource source) implements CommandResponse {
        public Content {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(source, "source");
            if (length < 0) {
                throw new IllegalArgumentException("negative length");
            }
        }
    }

    /**
     * 200 in the multipart format of MS-ASCMD 2.2.1.10.1 ({@code application/vnd.ms-sync.multipart}): part 0 is
     * the WBXML document written by {@code wbxml}, parts 1..n are {@code parts} in order, which the document
     * refers to by number in its {@code itemoperations:Part} elements. Only when the request
     * {@link CommandRequest#acceptMultiPart() accepts} it.
     */
    record Multipart(BodyWriter wbxml, List<Part> parts) implements CommandResponse {
        public Multipart {
            Objects.requireNonNull(wbxml, "wbxml");
            parts = List.copyOf(parts);
        }
    }

    /** One binary part of a multipart response; its length must be known before anything is sent. */
    record Part(long length, StreamSource source) {
        public Part {
            Objects.requireNonNull(source, "source");
            if (length < 0 || length > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("part length out of range: " + length);
            }
        }

        public static Part of(byte[] data) {
            byte[] copy = data.clone();
            return new Part(copy.length, () -> new java.io.ByteArrayInputStream(copy));
        }
    }

    /**
     * A status common to all commands (MS-ASCMD 2.2.2, e.g. {@link CommonStatus#SERVER_ERROR_RETRY_LATER}):
     * in 14.0 and later written as the command's Status element, before 14.0 mapped to an HTTP status.
     */
    record Status(CommonStatus status) implements CommandResponse {
        public Status {
            Objects.requireNonNull(status, "status");
        }
    }

    /** A bare HTTP status without a body, for what only HTTP can say (e.g. 400 for a request of 12.x). */
    record Http(int status) implements CommandResponse {
        public Http {
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("not an HTTP status: " + status);
            }
        }
    }
}
