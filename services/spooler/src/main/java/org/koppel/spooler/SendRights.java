package org.koppel.spooler;

import java.util.List;
import java.util.Optional;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.Session;
import org.koppel.store.client.UserInfo;

/**
 * Decides in whose name a queued message may go out, from the store's send-as lists (the directory's, granted
 * by an administrator) and delegate lists (each mailbox's, kept by its owner). Send-as wins when a user holds
 * both, as in Exchange: it is the stronger grant and the recipient sees no trace of the real sender.
 */
final class SendRights {

    private final Session session;

    SendRights(Session session) {
        this.session = session;
    }

    Authorship decide(UserInfo owner, OutgoingMail mail) {
        Optional<String> from = mail.fromAddress();
        Optional<String> sender = mail.senderAddress();
        if (from.isEmpty() || own(owner, from.get())) {
            if (sender.isPresent() && !own(owner, sender.get())) {
                return forbidden(owner, sender.get(), "not one of their addresses");
            }
            return new Authorship.Own();
        }
        String address = from.get();
        // A client may name the represented user in Sender too (Outlook does when sending as); anyone else
        // in Sender is an address the owner has no right to.
        if (sender.isPresent() && !own(owner, sender.get()) && !sender.get().equalsIgnoreCase(address)) {
            return forbidden(owner, sender.get(), "not one of their addresses");
        }
        Optional<UserInfo> user = session.directory().resolve(address);
        if (user.isPresent()) {
            String login = user.get().login();
            if (holds(session.directory().sendAs(MemberKind.USER, login), owner)) {
                return new Authorship.SendAs(mail.fromName().orElse(user.get().fullName()), address);
            }
            if (holds(session.permissions().delegates(login), owner)) {
                return new Authorship.OnBehalf(mail.fromName().orElse(user.get().fullName()), address);
            }
            return forbidden(owner, address, "no send-as right from " + login + " and not their delegate");
        }
        Optional<GroupInfo> group = session.directory().groups().stream()
                .filter(g -> g.email() != null && g.email().equalsIgnoreCase(address)).findFirst();
        if (group.isPresent()) {
            if (holds(session.directory().sendAs(MemberKind.GROUP, group.get().name()), owner)) {
                return new Authorship.SendAs(mail.fromName().orElse(group.get().name()), address);
            }
            return forbidden(owner, address, "no send-as right from the group " + group.get().name());
        }
        return forbidden(owner, address, "not an address of this server");
    }

    private static Authorship forbidden(UserInfo owner, String address, String why) {
        return new Authorship.Forbidden(address, "554 5.7.1 " + owner.login() + " may not send as " + address
                + " (" + why + ")");
    }

    private static boolean holds(List<String> logins, UserInfo owner) {
        return logins.stream().anyMatch(owner.login()::equalsIgnoreCase);
    }

    static boolean own(UserInfo owner, String address) {
        return address.equalsIgnoreCase(owner.email())
                || owner.aliases().stream().anyMatch(address::equalsIgnoreCase);
    }
}
