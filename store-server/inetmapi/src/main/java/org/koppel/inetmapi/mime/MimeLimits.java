package org.koppel.inetmapi.mime;

import java.nio.file.Path;

/**
 * What a MIME conversion may use: how deep multiparts and embedded messages may nest, how many parts and
 * header bytes a message may have, how large one part may be, and how much of a part is held in memory
 * before it goes to a temporary file.
 */
public record MimeLimits(int maxDepth, int maxParts, int maxHeaderBytes, long maxPartBytes, int memoryThreshold,
        Path tempDir) {

    public MimeLimits {
        if (maxDepth < 1 || maxParts < 1 || maxHeaderBytes < 1024 || maxPartBytes < 1 || memoryThreshold < 0) {
            throw new IllegalArgumentException("MIME limits must be positive");
        }
    }

    /** 32 levels, 10,000 parts, 1 MB of headers per part, 512 MB per part, 256 KB in memory per part. */
    public static MimeLimits defaults() {
        return new MimeLimits(32, 10_000, 1 << 20, 512L << 20, 256 * 1024, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public MimeLimits withMaxDepth(int depth) {
        return new MimeLimits(depth, maxParts, maxHeaderBytes, maxPartBytes, memoryThreshold, tempDir);
    }

    public MimeLimits withTempDir(Path dir) {
        return new MimeLimits(maxDepth, maxParts, maxHeaderBytes, maxPartBytes, memoryThreshold, dir);
    }
}
