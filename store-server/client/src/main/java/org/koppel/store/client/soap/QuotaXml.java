package org.koppel.store.client.soap;

import jakarta.xml.bind.annotation.XmlType;
import org.koppel.store.client.Quota;
import org.koppel.store.client.QuotaLevel;
import org.koppel.store.client.QuotaStatus;

/** A user's quota limits in bytes (0: none) and, when read back, the usage and the level reached. */
@XmlType(name = "quota")
public final class QuotaXml {
    public String login;
    public long warnBytes;
    public long softBytes;
    public long hardBytes;
    public boolean serverDefault;
    public long usedBytes;
    public QuotaLevel level;
    /** Read back: the user has no quota at all (not even the server default). */
    public boolean noQuota;

    public static QuotaXml of(Quota q) {
        QuotaXml x = new QuotaXml();
        x.warnBytes = q.warnBytes();
        x.softBytes = q.softBytes();
        x.hardBytes = q.hardBytes();
        return x;
    }

    public static QuotaXml of(QuotaStatus s) {
        QuotaXml x = s.quota() == null ? new QuotaXml() : of(s.quota());
        x.noQuota = s.quota() == null;
        x.login = s.login();
        x.serverDefault = s.serverDefault();
        x.usedBytes = s.usedBytes();
        x.level = s.level();
        return x;
    }

    public Quota quota() {
        return new Quota(warnBytes, softBytes, hardBytes);
    }

    public QuotaStatus status() {
        return new QuotaStatus(login, noQuota ? null : quota(), serverDefault, usedBytes, level);
    }
}
