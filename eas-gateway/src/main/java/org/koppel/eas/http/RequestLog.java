package org.koppel.eas.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log line of one ActiveSync request, written at INFO to the logger {@code org.koppel.eas.access}
 * once the response is sent (a Ping's line comes when it returns). Fields the request did not get as far as
 * naming are {@code -}.
 *
 * @param command the command as sent, {@code OPTIONS} for OPTIONS
 * @param bytesIn body bytes read; bytesOut body bytes sent (compressed size when gzipped)
 */
public record RequestLog(String remoteAddress, String user, String deviceId, String deviceType, String command,
        String version, int status, long bytesIn, long bytesOut, long millis) {

    /** The logger's name, for routing the access log to its own file. */
    public static final String LOGGER = "org.koppel.eas.access";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    void write() {
        LOG.info("{} user={} device={} type={} cmd={} version={} status={} in={} out={} ms={}", remoteAddress,
                user, deviceId, deviceType, command, version, status, bytesIn, bytesOut, millis);
    }
}
