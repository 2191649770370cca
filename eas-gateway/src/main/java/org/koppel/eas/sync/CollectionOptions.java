package org.koppel.eas.sync;

import java.util.List;
import java.util.Optional;
import org.koppel.backend.ConflictPolicy;
import org.koppel.backend.FilterType;
import org.koppel.eas.codec.ContentClass;
import org.koppel.eas.state.BodyPreference;
import org.koppel.eas.wbxml.CodePages;
import org.koppel.eas.wbxml.Tag;

/**
 * A collection's Options as they apply to one request: what the client sent now over what it sent before
 * (device-state keeps them, because a client sends them once and then leaves them out), and whether they
 * changed and must be stored again.
 */
record CollectionOptions(org.koppel.eas.state.SyncOptions stored, boolean changed) {

    /** The Options of {@code c} over {@code before}; an Options element replaces the earlier one whole. */
    static CollectionOptions of(Optional<org.koppel.eas.state.SyncOptions> before, SyncRequest.Collection<?> c,
            CodePages pages) {
        org.koppel.eas.state.SyncOptions old = before.orElse(org.koppel.eas.state.SyncOptions.DEFAULTS);
        org.koppel.eas.state.SyncOptions o = old;
        Optional<SyncOptions> sent = emailOptions(c.options());
        if (sent.isPresent()) {
            SyncOptions s = sent.get();
            o = new org.koppel.eas.state.SyncOptions(
                    s.contentClass().or(() -> c.contentClass()).map(ContentClass::value).orElse(old.folderClass()),
                    s.filterType().orElse(0),
                    s.bodyPreferences().stream().map(CollectionOptions::store).toList(),
                    s.bodyPartPreferences().stream().map(CollectionOptions::store).toList(),
                    s.mimeSupport().orElse(0),
                    s.mimeTruncation().orElse(org.koppel.eas.state.SyncOptions.NOT_SENT),
                    old.windowSize(), s.conflict().orElse(1), old.deletesAsMoves(),
                    s.rightsManagementSupport().orElse(false), old.supported());
        }
        // DeletesAsMoves is not sticky: a request without it moves deleted items to Deleted Items, whatever an
        // earlier request said ([MS-ASCMD] 2.2.3.43: 1 is the default). Keeping a 0 would make every later delete
        // of the folder permanent.
        boolean deletesAsMoves = c.deletesAsMoves().orElse(true);
        if (c.windowSize().isPresent() || deletesAsMoves != o.deletesAsMoves() || !c.supported().isEmpty()) {
            o = new org.koppel.eas.state.SyncOptions(o.folderClass(), o.filterType(), o.bodyPreferences(),
                    o.bodyPartPreferences(), o.mimeSupport(), o.mimeTruncation(),
                    c.windowSize().orElse(o.windowSize()), o.conflict(), deletesAsMoves,
                    o.rightsManagement(),
                    c.supported().isEmpty() ? o.supported() : c.supported().stream().map(t -> name(pages, t)).toList());
        }
        return new CollectionOptions(o, before.isEmpty() || !o.equals(old));
    }

    /** Of up to two Options (14.0+: one per class), the one for email: Class Email, or no Class. */
    private static Optional<SyncOptions> emailOptions(List<SyncOptions> options) {
        return options.stream()
                .filter(o -> o.contentClass().isEmpty() || o.contentClass().get() == ContentClass.EMAIL)
                .findFirst();
    }

    private static BodyPreference store(org.koppel.eas.sync.BodyPreference b) {
        return new BodyPreference(b.type(), b.truncationSize().orElse((long) org.koppel.eas.state.SyncOptions.NOT_SENT),
                b.allOrNone().orElse(false), b.preview().orElse(0));
    }

    private static org.koppel.eas.sync.BodyPreference codec(BodyPreference b) {
        return new org.koppel.eas.sync.BodyPreference(b.type(),
                b.truncationSize() < 0 ? Optional.empty() : Optional.of(b.truncationSize()),
                b.allOrNone() ? Optional.of(true) : Optional.empty(),
                b.preview() > 0 ? Optional.of(b.preview()) : Optional.empty());
    }

    private static String name(CodePages pages, Tag t) {
        return pages.page(t.page()).map(p -> p.name() + ":" + t.name()).orElse(t.name());
    }

    /** The stored Options as the codec's record, for the class-specific body preferences. */
    SyncOptions codecOptions() {
        return new SyncOptions(ContentClass.of(stored.folderClass()),
                Optional.of(stored.filterType()),
                stored.bodyPreferences().stream().map(CollectionOptions::codec).toList(),
                stored.bodyPartPreferences().stream().map(CollectionOptions::codec).toList(),
                Optional.of(stored.conflict()), Optional.of(stored.mimeSupport()),
                stored.mimeTruncation() < 0 ? Optional.empty() : Optional.of(stored.mimeTruncation()),
                Optional.empty(), Optional.of(stored.rightsManagement()));
    }

    /**
     * The backend's filter window. FilterType 8 (incomplete tasks) does not apply to email, and MS-ASCMD
     * leaves the calendar-only values to their classes: both mean no window here.
     */
    FilterType filter() {
        int f = stored.filterType();
        return f >= 0 && f <= 7 ? FilterType.fromCode(f) : FilterType.ALL;
    }

    ConflictPolicy conflict() {
        return stored.conflict() == 0 ? ConflictPolicy.CLIENT_WINS : ConflictPolicy.SERVER_WINS;
    }
}
