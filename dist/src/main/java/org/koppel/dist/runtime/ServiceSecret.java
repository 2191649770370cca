package org.koppel.dist.runtime;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared secret services on this host log on with, when server.cfg sets none: generated once into a
 * private file in the data directory, and read from there on later starts.
 */
public final class ServiceSecret {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceSecret.class);

    private final PrivateFile file;
    private final SecureRandom random;

    public ServiceSecret(PrivateFile file, SecureRandom random) {
        this.file = file;
        this.random = random;
    }

    public String loadOrCreate() {
        if (file.exists()) {
            String secret = file.read().strip();
            if (secret.length() < 16) {
                throw new IllegalStateException(file.path() + " holds no usable service secret (16 characters at least)");
            }
            return secret;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        file.create(secret + "\n");
        LOG.info("Generated a service secret in {}", file.path());
        return secret;
    }
}
