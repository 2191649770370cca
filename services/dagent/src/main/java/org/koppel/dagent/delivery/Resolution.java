package org.koppel.dagent.delivery;

import org.koppel.store.client.UserInfo;

/** A recipient address looked up before the message comes: a mailbox to deliver to, or why not. */
public sealed interface Resolution {

    String address();

    /** A recipient the message will be delivered to. */
    sealed interface Accepted extends Resolution permits Mailbox, PluginAddress {
    }

    /** A user who can receive the message now. */
    record Mailbox(String address, UserInfo user) implements Accepted {
    }

    /** An address no user has that a delivery plugin takes (a public folder's address). */
    record PluginAddress(String address, String plugin) implements Accepted {
    }

    /** A recipient the message cannot go to, and why. */
    record Refused(String address, Outcome outcome, String detail) implements Resolution {
        public Refused {
            if (outcome == Outcome.DELIVERED) {
                throw new IllegalArgumentException("a refusal needs a failure outcome");
            }
        }
    }
}
