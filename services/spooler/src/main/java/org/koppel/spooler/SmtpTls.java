package org.koppel.spooler;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How the spooler's STARTTLS checks the smarthost. With {@code smtp_starttls = required} the certificate and
 * host name are verified against the given trust (the JVM's by default); opportunistic TLS takes any
 * certificate (RFC 7435: encryption against passive listeners, better than plain text, no worse).
 */
public final class SmtpTls {

    private final SSLContext verified;
    private final boolean verifyHostname;

    private SmtpTls(SSLContext verified, boolean verifyHostname) {
        this.verified = verified;
        this.verifyHostname = verifyHostname;
    }

    /** The JVM's trusted certificate authorities, host names checked. */
    public static SmtpTls system() {
        try {
            return new SmtpTls(SSLContext.getDefault(), true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }

    /** Trust as the given context says, without host-name checks (a smarthost reached by IP address). */
    public static SmtpTls trusting(SSLContext context) {
        return new SmtpTls(context, false);
    }

    SSLSocketFactory factory(SpoolerConfig.StartTls mode) {
        return mode == SpoolerConfig.StartTls.REQUIRED ? verified.getSocketFactory() : ANY.getSocketFactory();
    }

    boolean verifiesHostname() {
        return verifyHostname;
    }

    private static final SSLContext ANY = anyCertificate();

    private static SSLContext anyCertificate() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    // not a server
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // opportunistic: any certificate encrypts
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JVM", e);
        }
    }
}
