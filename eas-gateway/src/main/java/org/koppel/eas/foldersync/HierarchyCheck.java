package org.koppel.eas.foldersync;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.koppel.backend.Folders;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.Hierarchy;
import org.koppel.eas.state.HierarchyFolder;

/**
 * Whether a device's folder hierarchy is out of date (Ping Status 7, Sync Status 12): the list its newest
 * hierarchy key stands for against the backend's folders now, compared as FolderSync would. Exact where the
 * backend's notifications are not (a hidden folder, a property no device sees), and cheap: one listing of a
 * small tree.
 */
public final class HierarchyCheck {

    private final Hierarchy hierarchy;
    private final DeviceFolders folders;

    public HierarchyCheck(Hierarchy hierarchy) {
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
        this.folders = new DeviceFolders(hierarchy);
    }

    /**
     * True when a FolderSync would bring the device changes. A device that never did FolderSync is not told:
     * it knows no CollectionId to Ping or Sync with.
     */
    public boolean outOfDate(DeviceAccount account, Folders backend) {
        Optional<List<HierarchyFolder>> known = hierarchy.latest(account);
        if (known.isEmpty()) {
            return false;
        }
        return !DeviceFolders.difference(known.get(), folders.of(account, backend.list())).isEmpty();
    }
}
