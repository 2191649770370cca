package org.koppel.backend.mapi;

import java.util.Optional;
import org.koppel.backend.OutOfOffice;
import org.koppel.mapi.MapiException;
import org.koppel.store.api.OutOfOfficeMessage;
import org.koppel.store.client.Session;
import org.koppel.store.client.StoreInfo;

/**
 * Settings Oof over the store's out-of-office, the one the delivery agent answers with
 * ({@link OutOfOfficeMessage}). The store keeps one text for inside senders and one for outside senders, so the
 * two outside audiences of ActiveSync share a text (see {@link #outsideText}). The reply subject, which
 * ActiveSync cannot set, is kept.
 */
final class MapiOutOfOffice implements OutOfOffice {

    private final OutOfOfficeMessage stored;

    MapiOutOfOffice(Session session, StoreInfo store) {
        this.stored = OutOfOfficeMessage.of(session, store);
    }

    @Override
    public Settings get() {
        try {
            return settings(stored.read());
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    @Override
    public void set(Settings settings) {
        try {
            stored.write(store(settings, stored.read()));
        } catch (MapiException e) {
            throw Failures.translate(e);
        }
    }

    static Settings settings(org.koppel.store.api.OutOfOffice oof) {
        boolean window = oof.from().isPresent() && oof.until().isPresent();
        State state = !oof.enabled() ? State.DISABLED : window ? State.TIME_BASED : State.GLOBAL;
        var external = oof.external();
        return new Settings(state, oof.from(), oof.until(), new Reply(oof.internal(), oof.text()),
                new Reply(external != org.koppel.store.api.OutOfOffice.ExternalAudience.NONE, oof.externalReply()),
                new Reply(external == org.koppel.store.api.OutOfOffice.ExternalAudience.ALL, oof.externalReply()));
    }

    /**
     * The one outside text to keep of the two ActiveSync has. The gateway hands over the whole settings, the
     * texts the device left out as {@link #get()} gave them (both the shared stored text), so a text that
     * differs from the stored one is the one the device sent: the known senders' text set alone becomes the
     * shared one instead of being dropped. Otherwise the unknown senders' text while they are answered, else
     * the known ones'.
     */
    private static String outsideText(Settings s, String stored) {
        String unknown = s.externalUnknown().text();
        String known = s.externalKnown().text();
        boolean unknownChanged = !unknown.equals(stored);
        boolean knownChanged = !known.equals(stored);
        if (knownChanged && !unknownChanged && !known.isEmpty()) {
            return known;
        }
        return s.externalUnknown().enabled() || known.isEmpty() ? unknown : known;
    }

    static org.koppel.store.api.OutOfOffice store(Settings s, org.koppel.store.api.OutOfOffice old) {
        var audience = s.externalUnknown().enabled() ? org.koppel.store.api.OutOfOffice.ExternalAudience.ALL
                : s.externalKnown().enabled() ? org.koppel.store.api.OutOfOffice.ExternalAudience.KNOWN
                : org.koppel.store.api.OutOfOffice.ExternalAudience.NONE;
        String outside = outsideText(s, old.externalReply());
        String inside = s.internal().text();
        if (outside.isEmpty() && audience == org.koppel.store.api.OutOfOffice.ExternalAudience.NONE) {
            outside = old.externalText();
        }
        if (inside.isEmpty() && !s.internal().enabled()) {
            inside = old.text();
        }
        return switch (s.state()) {
            case TIME_BASED -> new org.koppel.store.api.OutOfOffice(true, old.subject(), inside, s.start(), s.end(),
                    s.internal().enabled(), audience, outside.equals(inside) ? "" : outside);
            case GLOBAL -> new org.koppel.store.api.OutOfOffice(true, old.subject(), inside, Optional.empty(),
                    Optional.empty(), s.internal().enabled(), audience, outside.equals(inside) ? "" : outside);
            // Off: a window the device sends is kept for next time, else the one stored.
            case DISABLED -> new org.koppel.store.api.OutOfOffice(false, old.subject(), inside,
                    s.start().isPresent() && s.end().isPresent() ? s.start() : old.from(),
                    s.start().isPresent() && s.end().isPresent() ? s.end() : old.until(),
                    s.internal().enabled(), audience, outside.equals(inside) ? "" : outside);
        };
    }
}
