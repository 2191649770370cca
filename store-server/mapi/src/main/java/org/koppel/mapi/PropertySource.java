package org.koppel.mapi;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the properties of one object (a message, a recipient, a table row), which is all that
 * restrictions and sort orders need, so they can be evaluated on stored rows and in-memory objects alike.
 */
public interface PropertySource {

    /** The value stored under exactly this tag (id and type); empty when the object does not have it. */
    Optional<PropValue> get(PropTag tag);

    /** The sub-objects of the given kind (recipients or attachments of a message); none by default. */
    default List<? extends PropertySource> subObjects(SubObject kind) {
        return List.of();
    }
}
