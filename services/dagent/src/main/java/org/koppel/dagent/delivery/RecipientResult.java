package org.koppel.dagent.delivery;

/** What became of one recipient of a delivered message; {@code detail} is for logs and replies. */
public record RecipientResult(String address, Outcome outcome, String detail) {

    public boolean delivered() {
        return outcome == Outcome.DELIVERED;
    }
}
