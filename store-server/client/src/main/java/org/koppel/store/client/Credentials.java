package org.koppel.store.client;

import java.util.Objects;

/** How a session authenticates: a user's password, or a system service's identity. */
public sealed interface Credentials {

    /**
     * A user logging on with login name (or e-mail address) and password. An administrator may name another
     * user in {@code impersonate} to act as that user (Kopano's admin impersonation, for support and
     * migrations); for anyone else that is MAPI_E_NO_ACCESS.
     */
    record Password(String login, String password, String impersonate) implements Credentials {
        public Password {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(password, "password");
            impersonate = impersonate == null ? "" : impersonate;
        }

        public Password(String login, String password) {
            this(login, password, "");
        }

        @Override
        public String toString() {
            return "Password[login=" + login + (impersonate.isEmpty() ? "" : " as " + impersonate) + "]";
        }
    }

    /**
     * A system service (delivery agent, spooler, gateway, admin tool on the store's host) proving itself
     * with the server's shared service secret; it may act for {@code impersonate} (a login), or as the
     * system administrator when that is empty.
     */
    record Service(String serviceName, String secret, String impersonate) implements Credentials {
        public Service {
            Objects.requireNonNull(serviceName, "serviceName");
            Objects.requireNonNull(secret, "secret");
            impersonate = impersonate == null ? "" : impersonate;
        }

        @Override
        public String toString() {
            return "Service[" + serviceName + (impersonate.isEmpty() ? "" : " as " + impersonate) + "]";
        }
    }

    /**
     * A system service proven by the client certificate of its TLS connection to the store (the certificate's
     * CN is the service name), optionally acting as a user. Only a remote transport over TLS can carry it;
     * the in-process engine refuses it.
     */
    record Certificate(String serviceName, String impersonate) implements Credentials {
        public Certificate {
            Objects.requireNonNull(serviceName, "serviceName");
            impersonate = impersonate == null ? "" : impersonate;
        }
    }
}
