package org.koppel.dist;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by the build). */
public final class KoppelVersion implements IVersionProvider {

    public static String version() {
        String v = Koppel.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Koppel " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
