package org.koppel.eas.wbxml;

/**
 * Hard bounds a {@link WbxmlReader} enforces, so a hostile document costs at most this much
 * memory and time. Lengths are in bytes (strings: UTF-8 bytes before decoding).
 *
 * @param maxDepth        deepest element nesting (the root element is depth 1)
 * @param maxStringLength longest inline string
 * @param maxOpaqueLength longest opaque block
 * @param maxTotalBytes   longest document, header included
 */
public record WbxmlLimits(int maxDepth, int maxStringLength, long maxOpaqueLength, long maxTotalBytes) {

    /**
     * Defaults for requests: real ActiveSync documents nest about 12 deep; inline strings carry
     * at most a message body; MIME sent by SendMail/SmartReply comes as opaque data or a string.
     */
    public static final WbxmlLimits DEFAULTS = new WbxmlLimits(64, 16 << 20, 48L << 20, 64L << 20);

    public WbxmlLimits {
        if (maxDepth < 1 || maxStringLength < 0 || maxOpaqueLength < 0 || maxTotalBytes < 4) {
            throw new IllegalArgumentException("limits must be positive: depth " + maxDepth
                    + ", string " + maxStringLength + ", opaque " + maxOpaqueLength + ", total " + maxTotalBytes);
        }
    }

    public WbxmlLimits withMaxDepth(int depth) {
        return new WbxmlLimits(depth, maxStringLength, maxOpaqueLength, maxTotalBytes);
    }

    public WbxmlLimits withMaxStringLength(int length) {
        return new WbxmlLimits(maxDepth, length, maxOpaqueLength, maxTotalBytes);
    }

    public WbxmlLimits withMaxOpaqueLength(long length) {
        return new WbxmlLimits(maxDepth, maxStringLength, length, maxTotalBytes);
    }

    public WbxmlLimits withMaxTotalBytes(long total) {
        return new WbxmlLimits(maxDepth, maxStringLength, maxOpaqueLength, total);
    }
}
