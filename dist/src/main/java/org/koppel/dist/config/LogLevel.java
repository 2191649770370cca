package org.koppel.dist.config;

/** server.cfg {@code log_level}: the least severe event that is logged. */
public enum LogLevel {
    ERROR, WARN, INFO, DEBUG, TRACE
}
