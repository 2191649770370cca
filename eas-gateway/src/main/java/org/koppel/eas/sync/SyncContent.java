package org.koppel.eas.sync;

import java.util.List;
import java.util.Optional;
import org.koppel.backend.ClientChange;
import org.koppel.backend.Item;

/**
 * The class-specific half of Sync (Email now; Calendar, Contacts, Tasks, Notes later): how a client's
 * ApplicationData becomes a backend change, and how a backend item is written as ApplicationData. The
 * {@link SyncHandler} knows no item class beyond this.
 *
 * @param <D> what the decoder makes of a client's ApplicationData
 */
public interface SyncContent<D> {

    /** Reads a client's ApplicationData (Sync Add and Change). */
    ApplicationDataDecoder<D> decoder();

    /**
     * The backend change for a client's Change of the item {@code serverId} in a collection.
     *
     * @throws ItemConversionException when the data cannot be applied (Sync status 6 for that item)
     */
    ClientChange.Change change(String serverId, D data, CollectionContext where) throws ItemConversionException;

    /**
     * The new item of a client's Add to a collection.
     *
     * @throws ItemConversionException when the class takes no Add there or the data is not a valid new item (Sync
     *                                 status 6 for that item)
     */
    Item newItem(D data, CollectionContext where) throws ItemConversionException;

    /** Whether the class defines this FilterType ([MS-ASCMD] 2.2.3.68.2); one it does not answers Status 4. */
    default boolean definesFilter(int filterType) {
        return true;
    }

    /** Writes a whole item, for a server Add or Change and a Fetch. */
    ApplicationDataWriter item(Item item);

    /** Writes a Change that carries only the read flag. */
    ApplicationDataWriter readFlag(boolean read);

    /** The body preferences the backend is asked for, from the collection's Options. */
    List<org.koppel.backend.BodyPreference> bodyPreferences(SyncOptions options);

    /**
     * Other body preferences for one item the backend brought with {@link #bodyPreferences}, when the Options
     * want a different body for items like it (email: MIMESupport 1, MIME for S/MIME messages only, which an
     * export asked for one set of preferences cannot tell in advance); the item is then fetched again with
     * them. Empty for most items.
     */
    default Optional<List<org.koppel.backend.BodyPreference>> bodyPreferencesFor(Item item, SyncOptions options) {
        return Optional.empty();
    }
}
