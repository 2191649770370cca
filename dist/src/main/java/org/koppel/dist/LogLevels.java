package org.koppel.dist;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.koppel.dist.config.LogLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets Logback's levels from server.cfg's log_level once the configuration has been read. */
final class LogLevels {

    void apply(LogLevel level) {
        apply(Logger.ROOT_LOGGER_NAME, level);
    }

    /** One service's loggers (dagent.cfg's log_level for org.koppel.dagent). */
    void apply(String logger, LogLevel level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(logger).setLevel(Level.toLevel(level.name(), Level.INFO));
        }
    }
}
