package org.koppel.spooler;

/**
 * In whose name a message goes out, as the spooler decided from its From (PR_SENT_REPRESENTING_*) and Sender
 * (PR_SENDER_*) and the sender's rights: the owner themself, another user or group by send-as (From only), a
 * user the owner is a delegate of (From that user, Sender the owner), or not at all.
 */
sealed interface Authorship {

    /** The owner's own primary address or alias, or no From at all (the owner's primary address is used). */
    record Own() implements Authorship {
    }

    /** Send-as: From is {@code address}, and no Sender header says who really sent it. */
    record SendAs(String name, String address) implements Authorship {
    }

    /** Send on behalf: From is the represented user, Sender the owner (the delegate). */
    record OnBehalf(String name, String address) implements Authorship {
    }

    /** Not allowed: the NDR gives {@code reason}. */
    record Forbidden(String address, String reason) implements Authorship {
    }
}
