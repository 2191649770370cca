package org.koppel.store.client.soap;

import org.koppel.store.client.Quota;
import org.koppel.store.client.QuotaStatus;
import org.koppel.store.client.Quotas;

/** {@link Quotas} over SOAP. */
final class SoapQuotas implements Quotas {

    private final SoapCall call;

    SoapQuotas(SoapCall call) {
        this.call = call;
    }

    @Override
    public QuotaStatus status(String login) {
        return call.get((p, s) -> p.quotaStatus(s, login)).status();
    }

    @Override
    public void set(String login, Quota quota) {
        call.run((p, s) -> p.setQuota(s, login, quota == null ? null : QuotaXml.of(quota)));
    }
}
