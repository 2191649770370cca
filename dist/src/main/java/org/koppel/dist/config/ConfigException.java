package org.koppel.dist.config;

/** A configuration that cannot be used: a malformed line or a bad value, named by file and line. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
