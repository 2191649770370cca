package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlType;

/** A new session: its token (named in every later call) and the user it acts as. */
@XmlType(name = "logonResult")
public final class LogonXml {
    public String session;
    public UserXml user;
    public int idleTimeoutSeconds;
}
