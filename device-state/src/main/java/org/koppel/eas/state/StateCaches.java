package org.koppel.eas.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;

/**
 * This node's memory of what it read: device records and each account's folder ids. Write-through in the
 * sense that every write of this node drops the entries it touched after committing; writes of other nodes
 * (or of {@code koppel admin} in another process) are seen when an entry expires, after the configured
 * time. Sync keys are never cached: they must be exact across nodes.
 */
final class StateCaches {

    /** An account's folder ids both ways; ids are only ever added, so a miss may mean "added elsewhere". */
    record FolderIds(Map<String, Long> byBackendId, Map<Long, String> byServerId) {
        FolderIds {
            byBackendId = Map.copyOf(byBackendId);
            byServerId = Map.copyOf(byServerId);
        }
    }

    final Cache<DeviceAccount, Device> devices;
    final Cache<DeviceAccount, FolderIds> folderIds;

    StateCaches(DeviceStateConfig config) {
        this.devices = Caffeine.newBuilder()
                .expireAfterWrite(config.cacheTtl())
                .maximumSize(config.cacheSize())
                .build();
        this.folderIds = Caffeine.newBuilder()
                .expireAfterWrite(config.cacheTtl())
                .maximumSize(config.cacheSize())
                .build();
    }

    void forget(DeviceAccount account) {
        devices.invalidate(account);
        folderIds.invalidate(account);
    }
}
