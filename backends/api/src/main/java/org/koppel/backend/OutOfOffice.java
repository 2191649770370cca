package org.koppel.backend;

import java.time.Instant;
import java.util.Optional;

/** Settings Oof: the user's automatic replies. Optional. */
public interface OutOfOffice {

    record Settings(boolean enabled, Optional<Instant> start, Optional<Instant> end, String internalReply,
            String externalReply) {
    }

    Settings get();

    void set(Settings settings);
}
