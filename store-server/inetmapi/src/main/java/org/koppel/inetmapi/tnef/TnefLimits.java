package org.koppel.inetmapi.tnef;

import java.nio.file.Path;

/**
 * What decoding one TNEF stream may use: how deep embedded messages may nest, how large one attribute may be,
 * how large a property held in memory may be (attachment data is spooled and bound by the attribute size
 * instead), how many properties, recipients and attachments a stream may carry in all, and how much of an
 * attachment is held in memory before it goes to a temporary file.
 */
public record TnefLimits(int maxDepth, long maxAttributeBytes, int maxPropertyBytes, int maxItems,
        int memoryThreshold, Path tempDir) {

    public TnefLimits {
        if (maxDepth < 1 || maxAttributeBytes < 1 || maxPropertyBytes < 1 || maxItems < 1 || memoryThreshold < 0
                || tempDir == null) {
            throw new IllegalArgumentException("TNEF limits must be positive");
        }
    }

    /**
     * 16 levels of embedded messages, 512 MB per attribute, 32 MB per property in memory, 100,000
     * properties, recipients and attachments in all, 256 KB of each attachment in memory.
     */
    public static TnefLimits defaults() {
        return new TnefLimits(16, 512L << 20, 32 << 20, 100_000, 256 * 1024,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    public TnefLimits withMaxAttributeBytes(long max) {
        return new TnefLimits(maxDepth, max, maxPropertyBytes, maxItems, memoryThreshold, tempDir);
    }

    public TnefLimits withMaxDepth(int depth) {
        return new TnefLimits(depth, maxAttributeBytes, maxPropertyBytes, maxItems, memoryThreshold, tempDir);
    }

    public TnefLimits withMemoryThreshold(int threshold) {
        return new TnefLimits(maxDepth, maxAttributeBytes, maxPropertyBytes, maxItems, threshold, tempDir);
    }

    public TnefLimits withTempDir(Path dir) {
        return new TnefLimits(maxDepth, maxAttributeBytes, maxPropertyBytes, maxItems, memoryThreshold, dir);
    }
}
