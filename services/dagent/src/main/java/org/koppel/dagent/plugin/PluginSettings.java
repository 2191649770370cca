package org.koppel.dagent.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which delivery plugins run: the jars of {@code pluginPath} (empty: none) and the built-in public-folder
 * plugin when {@code publicFolders} maps any address.
 *
 * @param publicFolders address to folder path below the public folders' root
 */
public record PluginSettings(Optional<Path> pluginPath, Map<String, String> publicFolders) {

    public PluginSettings {
        Objects.requireNonNull(pluginPath, "pluginPath");
        publicFolders = Map.copyOf(publicFolders);
    }

    public static PluginSettings none() {
        return new PluginSettings(Optional.empty(), Map.of());
    }

    /** The plugins, built-in first; a plugin directory that cannot be read is an IllegalArgumentException. */
    public List<DeliveryPlugin> load() {
        List<DeliveryPlugin> plugins = new ArrayList<>();
        if (!publicFolders.isEmpty()) {
            plugins.add(new PublicFolderPlugin(publicFolders));
        }
        pluginPath.ifPresent(dir -> plugins.addAll(PluginLoader.load(dir)));
        return List.copyOf(plugins);
    }
}
