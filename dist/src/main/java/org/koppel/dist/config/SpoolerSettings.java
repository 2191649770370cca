package org.koppel.dist.config;

import java.time.Duration;
import org.koppel.spooler.SpoolerConfig;

/** spooler.cfg read into the spooler's typed settings. */
public final class SpoolerSettings {

    public static final String FILE = "spooler";

    private SpoolerSettings() {
    }

    /** Reads every spooler.cfg key (so that the rest count as unknown) and checks the values. */
    public static SpoolerConfig from(ConfigValues cfg) {
        SpoolerConfig d = SpoolerConfig.defaults();
        String host = cfg.string("smtp_server", d.smtpHost()).trim();
        if (host.isEmpty() || host.contains(" ")) {
            throw cfg.bad("smtp_server", "expected a host name or address");
        }
        int port = cfg.integer("smtp_port", d.smtpPort(), 1, 65535);
        SpoolerConfig.StartTls tls = cfg.choice("smtp_starttls", SpoolerConfig.StartTls.class, d.startTls());
        String user = cfg.string("smtp_username", "");
        String password = cfg.string("smtp_password", "");
        if (user.isEmpty() != password.isEmpty()) {
            throw cfg.bad(user.isEmpty() ? "smtp_password" : "smtp_username",
                    "smtp_username and smtp_password go together");
        }
        int parallel = cfg.integer("max_parallel_sends", d.maxParallelSends(), 1, 1000);
        Duration maxAge = cfg.duration("retry_max_age", d.retryMaxAge());
        if (maxAge.compareTo(Duration.ofMinutes(1)) < 0) {
            throw cfg.bad("retry_max_age", "must be at least 1m");
        }
        boolean enabled = cfg.bool("enabled", d.enabled());
        return new SpoolerConfig(enabled, host, port, tls, user, password, parallel, maxAge, d.connectTimeout(),
                d.readTimeout(), d.heloName());
    }
}
