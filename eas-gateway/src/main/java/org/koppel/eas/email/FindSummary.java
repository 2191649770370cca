package org.koppel.eas.email;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.koppel.backend.EmailAddress;
import org.koppel.backend.EmailItem;
import org.koppel.eas.codec.ElementWriter;
import org.koppel.eas.sync.ApplicationDataWriter;

/**
 * The Properties of a mailbox result of Find ([MS-ASCMD] 2.2.3.139.1, 16.1): the summary a result list shows,
 * in the specification's order. IsDraft is left out: the email model does not carry it.
 */
public final class FindSummary {

    private FindSummary() {
    }

    public static ApplicationDataWriter of(EmailItem m) {
        return out -> write(m, out);
    }

    private static void write(EmailItem m, ElementWriter out) throws IOException {
        text(out, "Email:Subject", m.subject());
        if (m.dateReceived().isPresent()) {
            out.element("Email:DateReceived", EasDateTime.format(m.dateReceived().get()));
        }
        text(out, "Email:DisplayTo", m.displayTo());
        text(out, "Find:DisplayCc", names(m.cc()));
        out.element("Email:Importance", m.importance().code());
        out.element("Email:Read", m.read());
        if (m.body().isPresent() && m.body().get().preview().isPresent()) {
            text(out, "Find:Preview", m.body().get().preview().get());
        }
        out.element("Find:HasAttachments", !m.attachments().isEmpty());
        if (m.from().isPresent()) {
            text(out, "Email:From", AddressList.format(m.from().get()));
        }
    }

    private static String names(List<EmailAddress> list) {
        return list.stream().map(a -> a.name().isEmpty() ? a.address() : a.name()).collect(Collectors.joining("; "));
    }

    private static void text(ElementWriter out, String qname, String s) throws IOException {
        if (!s.isEmpty()) {
            out.element(qname, EmailApplicationData.clean(s));
        }
    }
}
