package org.koppel.eas.sync;

import java.io.IOException;
import org.koppel.eas.codec.DecodeException;
import org.koppel.eas.codec.ElementReader;

/**
 * Turns one airsync:ApplicationData element into the caller's item type. ApplicationData is
 * class-specific (email, calendar, contacts, ...), so the Sync codec leaves it to whoever knows
 * the class of the collection, typically by looking the collection id up in the device's folders.
 *
 * @param <D> the item type, e.g. the backend's content model
 */
@FunctionalInterface
public interface ApplicationDataDecoder<D> {
    /**
     * Called with {@code in} on the START_TAG of ApplicationData; must read up to and including
     * its END_TAG (typically {@code while (in.nextChild()) switch (in.name()) ...}).
     *
     * @param collectionId the collection the item belongs to
     */
    D decode(String collectionId, ElementReader in) throws DecodeException, IOException;
}
