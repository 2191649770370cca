package org.koppel.eas.itemoperations;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.eas.command.CommandResponse;

/**
 * An ItemOperations response: the overall status and a result per operation, in the request's order.
 *
 * @param <D> an item's properties: an ApplicationDataWriter when the gateway writes, what a decoder made of
 *     them when a client reads
 */
public record ItemOperationsResponse<D>(ItemOperationsStatus status, List<Result<D>> results) {

    public ItemOperationsResponse {
        Objects.requireNonNull(status, "status");
        results = List.copyOf(results);
    }

    public static <D> ItemOperationsResponse<D> failed(ItemOperationsStatus status) {
        return new ItemOperationsResponse<>(status, List.of());
    }

    public sealed interface Result<D> permits FetchResult, EmptyFolderContentsResult, MoveResult {
    }

    /** A Fetch's answer: the ids it named, the item's class, and its properties when found. */
    public record FetchResult<D>(ItemOperationsStatus status, Optional<String> collectionId,
            Optional<String> serverId, Optional<String> longId, Optional<String> fileReference,
            Optional<String> itemClass, Optional<Properties<D>> properties) implements Result<D> {
        public FetchResult {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(collectionId, "collectionId");
            Objects.requireNonNull(serverId, "serverId");
            Objects.requireNonNull(longId, "longId");
            Objects.requireNonNull(fileReference, "fileReference");
            Objects.requireNonNull(itemClass, "itemClass");
            Objects.requireNonNull(properties, "properties");
        }
    }

    public record EmptyFolderContentsResult<D>(ItemOperationsStatus status, String collectionId)
            implements Result<D> {
        public EmptyFolderContentsResult {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(collectionId, "collectionId");
        }
    }

    public record MoveResult<D>(ItemOperationsStatus status, byte[] conversationId) implements Result<D> {
        public MoveResult {
            Objects.requireNonNull(status, "status");
            conversationId = conversationId.clone();
        }

        @Override
        public byte[] conversationId() {
            return conversationId.clone();
        }
    }

    /** What a Fetch found: an item's fields, or a file's data. */
    public sealed interface Properties<D> permits ItemProperties, FileProperties {
    }

    public record ItemProperties<D>(D data) implements Properties<D> {
        public ItemProperties {
            Objects.requireNonNull(data, "data");
        }
    }

    /**
     * An attachment: its type, the byte range sent and the whole size (when a Range was asked), and the bytes
     * (inline, or a part of a multipart response).
     */
    public record FileProperties<D>(Optional<String> contentType, Optional<String> range, Optional<Long> total,
            Optional<FileData> data) implements Properties<D> {
        public FileProperties {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(range, "range");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(data, "data");
        }
    }

    /** A file's bytes in a response. */
    public sealed interface FileData permits Streamed, Bytes, InPart {
    }

    /** Written inline (opaque) from a source, {@code skip} bytes into it: the gateway's side. */
    public record Streamed(long skip, long length, CommandResponse.StreamSource source) implements FileData {
        public Streamed {
            Objects.requireNonNull(source, "source");
        }
    }

    /** Read inline: the client's side. */
    public record Bytes(byte[] bytes) implements FileData {
        public Bytes {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** The index of the part of a multipart response holding the bytes. */
    public record InPart(int part) implements FileData {
    }
}
