package org.koppel.spooler;

/** One SMTP reply: the three-digit code and its text (the lines of a multi-line reply joined by a space). */
public record SmtpReply(int code, String text) {

    public boolean positive() {
        return code >= 200 && code < 400;
    }

    /** 4xx: try again later. */
    public boolean transientFailure() {
        return code >= 400 && code < 500;
    }

    /** 5xx: this will not work. */
    public boolean permanentFailure() {
        return code >= 500;
    }

    @Override
    public String toString() {
        return code + " " + text;
    }
}
