package org.koppel.gateway.imap.syntax;

import java.io.IOException;

/**
 * Called by {@link CommandReader} when the client announced a synchronizing literal {@code {n}} that is within
 * the limits, before its bytes are read: the session writes {@code + Ready for literal data} and flushes.
 */
@FunctionalInterface
public interface ContinuationRequest {

    void ready() throws IOException;
}
