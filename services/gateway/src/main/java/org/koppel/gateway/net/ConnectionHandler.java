package org.koppel.gateway.net;

import java.io.IOException;

/** A protocol session served on one accepted connection, on its own virtual thread. */
@FunctionalInterface
public interface ConnectionHandler {

    /** Serves the connection until the client or the session ends it; the listener closes it afterwards. */
    void serve(Connection connection) throws IOException;
}
