package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The request wrapper of {@link MapiSoap#poll}. */
@XmlRootElement(name = "poll")
@XmlType(name = "poll", propOrder = {"session", "timeoutSeconds"})
public final class PollRequest {
    public String session;
    public int timeoutSeconds;

    public String getSession() {
        return session;
    }

    public void setSession(String session) {
        this.session = session;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }
}
