package org.koppel.dist.config;

/** This machine's name as services give it in greetings, when it is one a protocol can carry. */
final class HostName {

    private HostName() {
    }

    /** The canonical host name, or {@code localhost} when it cannot be found or is not a plain host name. */
    static String local() {
        try {
            String name = java.net.InetAddress.getLocalHost().getCanonicalHostName();
            return name.matches("[A-Za-z0-9.-]+") ? name : "localhost";
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
