package org.koppel.backend;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One BodyPreference of MS-ASAIRS 2.2.2.7: the body type the client can take, the most bytes it wants
 * ({@code truncationSize}), whether it wants all or nothing when the body is larger, and how many
 * characters of preview (0: none; at most 255).
 */
public record BodyPreference(BodyType type, OptionalLong truncationSize, boolean allOrNone, int previewLength) {

    public static final int MAX_PREVIEW = 255;

    public BodyPreference {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(truncationSize, "truncationSize");
        if (truncationSize.isPresent() && truncationSize.getAsLong() < 0) {
            throw new IllegalArgumentException("negative truncation size");
        }
        if (previewLength < 0 || previewLength > MAX_PREVIEW) {
            throw new IllegalArgumentException("preview length must be 0.." + MAX_PREVIEW);
        }
    }

    public static BodyPreference of(BodyType type) {
        return new BodyPreference(type, OptionalLong.empty(), false, 0);
    }

    public static BodyPreference truncated(BodyType type, long size) {
        return new BodyPreference(type, OptionalLong.of(size), false, 0);
    }

    public BodyPreference withPreview(int length) {
        return new BodyPreference(type, truncationSize, allOrNone, length);
    }
}
