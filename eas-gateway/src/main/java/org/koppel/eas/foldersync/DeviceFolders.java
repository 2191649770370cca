package org.koppel.eas.foldersync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.koppel.backend.BackendFolder;
import org.koppel.eas.state.DeviceAccount;
import org.koppel.eas.state.Hierarchy;
import org.koppel.eas.state.HierarchyFolder;
import org.koppel.eas.state.SyncPoint;

/**
 * The folder hierarchy as one device account sees it: backend folders under the short ServerIds device state
 * hands out, and the difference between two such lists, which is what an incremental FolderSync sends. The
 * list a device knows is kept with each hierarchy key, so a difference is exact whatever happened in between,
 * and a lost response is computed again from the older list.
 */
final class DeviceFolders {

    /** ParentId of a folder at the top of the hierarchy. */
    static final String TOP = "0";

    private final Hierarchy hierarchy;

    DeviceFolders(Hierarchy hierarchy) {
        this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
    }

    /** The backend's folders under this account's ServerIds (new folders get one now), parents first. */
    List<HierarchyFolder> of(DeviceAccount account, List<BackendFolder> folders) {
        Map<String, String> ids = hierarchy.serverIds(account, folders.stream().map(BackendFolder::id).toList());
        List<HierarchyFolder> out = new ArrayList<>(folders.size());
        for (BackendFolder f : folders) {
            String parent = f.parentId().map(ids::get).orElse(TOP);
            out.add(new HierarchyFolder(ids.get(f.id()), parent == null ? TOP : parent, f.displayName(),
                    f.type().code(), f.id()));
        }
        return out;
    }

    HierarchyFolder of(DeviceAccount account, BackendFolder folder) {
        String id = hierarchy.serverId(account, folder.id());
        String parent = folder.parentId().map(p -> hierarchy.serverId(account, p)).orElse(TOP);
        return new HierarchyFolder(id, parent, folder.displayName(), folder.type().code(), folder.id());
    }

    /** The folder list a hierarchy key stands for: none for key 0. */
    static List<HierarchyFolder> known(SyncPoint<List<HierarchyFolder>> point) {
        return switch (point) {
            case SyncPoint.Initial<List<HierarchyFolder>> i -> List.of();
            case SyncPoint.Current<List<HierarchyFolder>> c -> c.state();
            case SyncPoint.Replay<List<HierarchyFolder>> r -> r.state();
        };
    }

    /** The edit recorded with the key a replayed request's first run issued; empty unless a replay. */
    static Optional<Edit> replayed(SyncPoint<List<HierarchyFolder>> point) {
        return point instanceof SyncPoint.Replay<List<HierarchyFolder>> r ? Edit.parse(r.pending()) : Optional.empty();
    }

    /** Whether a folder of this type is one of the standard folders, which a device may not rename or delete. */
    static boolean isSpecial(int type) {
        return type >= FolderType.DEFAULT_INBOX.code() && type <= FolderType.DEFAULT_JOURNAL.code()
                || type == FolderType.RECIPIENT_INFORMATION_CACHE.code();
    }

    /** The backend folder behind a ServerId the device sent, if the device knows it at its key. */
    static Optional<HierarchyFolder> find(List<HierarchyFolder> known, String serverId) {
        return known.stream().filter(f -> f.serverId().equals(serverId)).findFirst();
    }

    /**
     * What a device that knows {@code known} must be told to know {@code now}: additions in the order of
     * {@code now} (parents before children), changed names, parents or types, and removals.
     */
    static List<FolderSyncResponse.Change> difference(List<HierarchyFolder> known, List<HierarchyFolder> now) {
        Map<String, HierarchyFolder> before = new HashMap<>();
        known.forEach(f -> before.put(f.serverId(), f));
        Set<String> present = new HashSet<>();
        List<FolderSyncResponse.Change> changes = new ArrayList<>();
        for (HierarchyFolder f : now) {
            present.add(f.serverId());
            HierarchyFolder old = before.get(f.serverId());
            if (old == null) {
                changes.add(new FolderSyncResponse.Add(folder(f)));
            } else if (!old.parentId().equals(f.parentId()) || !old.displayName().equals(f.displayName())
                    || old.type() != f.type()) {
                changes.add(new FolderSyncResponse.Update(folder(f)));
            }
        }
        for (HierarchyFolder f : known) {
            if (!present.contains(f.serverId())) {
                changes.add(new FolderSyncResponse.Delete(f.serverId()));
            }
        }
        return changes;
    }

    /** {@code known} with {@code folder} added or replaced (by ServerId). */
    static List<HierarchyFolder> with(List<HierarchyFolder> known, HierarchyFolder folder) {
        LinkedHashMap<String, HierarchyFolder> out = new LinkedHashMap<>();
        known.forEach(f -> out.put(f.serverId(), f));
        out.put(folder.serverId(), folder);
        return List.copyOf(out.values());
    }

    /** {@code known} without the folder and everything below it: deleting a folder deletes its subfolders. */
    static List<HierarchyFolder> without(List<HierarchyFolder> known, String serverId) {
        Set<String> gone = new HashSet<>(Set.of(serverId));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (HierarchyFolder f : known) {
                if (!gone.contains(f.serverId()) && gone.contains(f.parentId())) {
                    gone.add(f.serverId());
                    grew = true;
                }
            }
        }
        return known.stream().filter(f -> !gone.contains(f.serverId())).toList();
    }

    static Folder folder(HierarchyFolder f) {
        return new Folder(f.serverId(), f.parentId(), f.displayName(),
                FolderType.of(f.type()).orElse(FolderType.UNKNOWN));
    }

    /**
     * What a FolderCreate, FolderUpdate or FolderDelete did, kept as the pending blob of the key it issued, so
     * that the same request repeated with the older key (its response was lost) is answered the same way
     * instead of failing on the change it already made.
     */
    record Edit(String command, String serverId) {

        byte[] bytes() {
            return (command + ":" + serverId).getBytes(StandardCharsets.UTF_8);
        }

        static Optional<Edit> parse(byte[] pending) {
            String s = new String(pending, StandardCharsets.UTF_8);
            int colon = s.indexOf(':');
            return colon < 1 ? Optional.empty() : Optional.of(new Edit(s.substring(0, colon), s.substring(colon + 1)));
        }
    }
}
