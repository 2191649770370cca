package org.koppel.dagent.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the delivery plugins in the jars of a directory (plugin_path), in file-name order, with one class
 * loader over all of them whose parent is the agent's own, so a plugin sees the SPI and the session API.
 */
public final class PluginLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

    private PluginLoader() {
    }

    /**
     * The plugins of every {@code *.jar} in {@code dir}; a directory that is missing, unreadable, or a jar that
     * names a class that cannot be loaded is an {@link IllegalArgumentException} (a configuration error: better
     * refuse to start than deliver without a plugin the admin relies on).
     */
    public static List<DeliveryPlugin> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(p.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (jars.isEmpty()) {
            return List.of();
        }
        ClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), DeliveryPlugin.class.getClassLoader());
        List<DeliveryPlugin> plugins = new ArrayList<>();
        try {
            for (DeliveryPlugin p : ServiceLoader.load(DeliveryPlugin.class, loader)) {
                LOG.info("Loaded delivery plugin {} ({})", p.name(), p.getClass().getName());
                plugins.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("a plugin in " + dir + " cannot be loaded: " + e.getMessage(), e);
        }
        return List.copyOf(plugins);
    }
}
