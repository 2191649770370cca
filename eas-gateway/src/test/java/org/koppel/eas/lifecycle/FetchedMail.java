package org.koppel.eas.lifecycle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;
import org.koppel.eas.sync.ApplicationDataDecoder;

/**
 * What these tests read of a fetched email (ItemOperations Properties): the subject, the body's type, size,
 * truncation and data (or, in a multipart response, the number of the part holding it), and the attachments'
 * file references and sizes. Read independently of the gateway's email writer; other elements are skipped.
 */
record FetchedMail(Optional<String> subject, Optional<Integer> bodyType, Optional<Long> estimatedSize,
        boolean truncated, Optional<String> bodyData, Optional<Integer> bodyPart, List<Attachment> attachments) {

    record Attachment(String name, String fileReference, long size) {
    }

    static final ApplicationDataDecoder<FetchedMail> DECODER = (collectionId, in) -> {
        Optional<String> subject = Optional.empty();
        Optional<Integer> type = Optional.empty();
        Optional<Long> size = Optional.empty();
        boolean truncated = false;
        Optional<String> data = Optional.empty();
        Optional<Integer> part = Optional.empty();
        List<Attachment> attachments = new ArrayList<>();
        while (in.nextChild()) {
            switch (in.name()) {
                case "Email:Subject" -> subject = Optional.of(in.text(4096));
                case "AirSyncBase:Body" -> {
                    while (in.nextChild()) {
                        switch (in.name()) {
                            case "AirSyncBase:Type" -> type = Optional.of(in.integer(1, 4));
                            case "AirSyncBase:EstimatedDataSize" -> size = Optional.of(in.integer(0L, Long.MAX_VALUE));
                            case "AirSyncBase:Truncated" -> truncated = in.bool();
                            case "AirSyncBase:Data" -> data = Optional.of(in.text(16 << 20));
                            case "ItemOperations:Part" -> part = Optional.of(in.integer(1, 1000));
                            default -> in.raw().skipElement();
                        }
                    }
                }
                case "AirSyncBase:Attachments" -> {
                    while (in.nextChild()) {
                        attachments.add(attachment(in));
                    }
                }
                default -> in.raw().skipElement();
            }
        }
        return new FetchedMail(subject, type, size, truncated, data, part, attachments);
    };

    private static Attachment attachment(ElementReader in) throws DecodeException, IOException {
        String name = "";
        String ref = "";
        long size = -1;
        while (in.nextChild()) {
            switch (in.name()) {
                case "AirSyncBase:DisplayName" -> name = in.text(1024);
                case "AirSyncBase:FileReference" -> ref = in.text(1024);
                case "AirSyncBase:EstimatedDataSize" -> size = in.integer(0L, Long.MAX_VALUE);
                default -> in.raw().skipElement();
            }
        }
        return new Attachment(name, ref, size);
    }
}
