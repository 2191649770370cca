package org.koppel.eas.push;

import java.util.Objects;
import java.util.Set;

/** How a push wait (a Ping, a heartbeat Sync) ended. */
public sealed interface WaitOutcome {

    /** Something changed in these watched folders (backend folder ids). */
    record Changed(Set<String> folderIds) implements WaitOutcome {
        public Changed {
            folderIds = Set.copyOf(Objects.requireNonNull(folderIds, "folderIds"));
        }
    }

    /** The folder hierarchy the device knows is out of date: it must FolderSync (Ping 7, Sync 12). */
    record HierarchyChanged() implements WaitOutcome {
    }

    /** The heartbeat passed without a change. */
    record TimedOut() implements WaitOutcome {
    }

    /** A newer Ping or heartbeat Sync of the same device account took over. */
    record Superseded() implements WaitOutcome {
    }
}
