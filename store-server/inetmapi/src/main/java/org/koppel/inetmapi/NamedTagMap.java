package org.koppel.inetmapi;

import java.util.Optional;
import org.koppel.mapi.NamedPropTag;
import org.koppel.mapi.PropTag;

/**
 * Where a store keeps its named properties: the conversions speak of named properties (an appointment's
 * start, an Internet header) by name, and a store maps each name to an id of its own.
 */
public interface NamedTagMap {

    /** The tag of a named property in this store, creating the mapping if it is new. */
    PropTag resolve(NamedPropTag named);

    /** The tag of a named property if this store has mapped it already (reading never creates). */
    Optional<PropTag> find(NamedPropTag named);
}
