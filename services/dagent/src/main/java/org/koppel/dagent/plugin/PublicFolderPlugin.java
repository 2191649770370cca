package org.koppel.dagent.plugin;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.koppel.store.api.Folder;
import org.koppel.store.api.Server;
import org.koppel.store.api.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in plugin that delivers mail for configured addresses into public folders
 * ({@code public_folder_map = sales@example.com:Sales/Inbound}) instead of a mailbox; the address needs no
 * user. A folder that does not exist (yet) is a temporary failure, so the mail waits at the MTA for the admin
 * to create it rather than being lost or bounced.
 */
public final class PublicFolderPlugin implements DeliveryPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(PublicFolderPlugin.class);

    private final Map<String, String> folders;

    /** @param folders address (any case) to folder path below the public folders' root */
    public PublicFolderPlugin(Map<String, String> folders) {
        Map<String, String> m = new TreeMap<>();
        folders.forEach((address, path) -> m.put(address.strip().toLowerCase(Locale.ROOT), path.strip()));
        this.folders = Map.copyOf(m);
    }

    @Override
    public String name() {
        return "public-folder";
    }

    @Override
    public boolean accepts(String address) {
        return folders.containsKey(address.toLowerCase(Locale.ROOT));
    }

    @Override
    public PluginResult beforeDelivery(RecipientDelivery delivery) {
        String path = folders.get(delivery.address().toLowerCase(Locale.ROOT));
        if (path == null) {
            return PluginResult.CONTINUE;
        }
        Store store = new Server(delivery.session()).publicStore();
        Optional<Folder> folder = store.findFolder(path);
        if (folder.isEmpty()) {
            LOG.error("Public folder \"{}\" for {} does not exist; the message is deferred", path, delivery.address());
            return PluginResult.RETRY_LATER;
        }
        delivery.save(store.entryId(), folder.get().entryId());
        LOG.debug("Delivered for {} into public folder {}", delivery.address(), path);
        return PluginResult.STOP_SUCCESS;
    }
}
