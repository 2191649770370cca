package org.koppel.store.core.directory;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.koppel.mapi.MapiException;
import org.koppel.store.client.Feature;
import org.koppel.store.client.GroupInfo;
import org.koppel.store.client.MemberKind;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.UserChanges;
import org.koppel.store.client.UserInfo;
import org.koppel.store.client.UserKind;

/** What every writable user directory must do; each implementation's test extends this. */
public abstract class UserDirectoryContract {

    protected abstract UserDirectory directory();

    private static String unique(String base) {
        return base + Long.toString(System.nanoTime(), 36);
    }

    private UserInfo newUser(String login) {
        return directory().create(new NewUser(login, "Full " + login, login + "@example.org", "secret-" + login,
                false, UserKind.USER, List.of(login + ".alias@example.org"), Set.of(Feature.MAIL, Feature.IMAP)));
    }

    @Test
    void createFindAndAuthenticate() {
        String login = unique("u");
        UserInfo u = newUser(login);
        assertEquals(login, u.login());
        assertEquals("Full " + login, u.fullName());
        assertEquals(List.of(login + ".alias@example.org"), u.aliases());
        assertEquals(Set.of(Feature.MAIL, Feature.IMAP), u.features());
        assertEquals(u, directory().byId(u.id()).orElseThrow());
        assertEquals(u.id(), directory().find(login.toUpperCase()).orElseThrow().id());
        assertEquals(u.id(), directory().find(login + "@EXAMPLE.org").orElseThrow().id());
        assertEquals(u.id(), directory().find(login + ".alias@example.org").orElseThrow().id());
        assertEquals(u.id(), directory().authenticate(login, "secret-" + login).orElseThrow().id());
        assertEquals(u.id(), directory().authenticate(login + "@example.org", "secret-" + login).orElseThrow().id());
        assertTrue(directory().authenticate(login, "wrong").isEmpty());
        assertTrue(directory().authenticate("nobody-" + login, "x").isEmpty());
        assertTrue(directory().users().stream().anyMatch(x -> x.id() == u.id()));
    }

    @Test
    void sendAsListsFollowTheirUsersAndGroups() {
        UserInfo owner = newUser(unique("so"));
        UserInfo grantee = newUser(unique("sg"));
        assertEquals(Set.of(), directory().sendAsGrantees(MemberKind.USER, owner.id()));
        assertTrue(directory().grantSendAs(MemberKind.USER, owner.id(), grantee.id()));
        assertFalse(directory().grantSendAs(MemberKind.USER, owner.id(), grantee.id()), "already granted");
        assertEquals(Set.of(grantee.id()), directory().sendAsGrantees(MemberKind.USER, owner.id()));
        assertEquals(Set.of(), directory().sendAsGrantees(MemberKind.GROUP, owner.id()), "kinds are apart");
        assertThrows(MapiException.NotFound.class, () -> directory().grantSendAs(MemberKind.USER, -1, grantee.id()));
        GroupInfo group = directory().createGroup(unique("sgroup"), "");
        assertTrue(directory().grantSendAs(MemberKind.GROUP, group.id(), grantee.id()));
        directory().delete(grantee.id());
        assertEquals(Set.of(), directory().sendAsGrantees(MemberKind.USER, owner.id()), "a deleted grantee goes");
        assertEquals(Set.of(), directory().sendAsGrantees(MemberKind.GROUP, group.id()));
        UserInfo again = newUser(unique("sh"));
        assertTrue(directory().grantSendAs(MemberKind.USER, owner.id(), again.id()));
        assertTrue(directory().revokeSendAs(MemberKind.USER, owner.id(), again.id()));
        assertFalse(directory().revokeSendAs(MemberKind.USER, owner.id(), again.id()));
        directory().deleteGroup(group.name());
    }

    @Test
    void collisionsAreRefused() {
        String login = unique("c");
        newUser(login);
        assertThrows(MapiException.Collision.class, () -> newUser(login));
        assertThrows(MapiException.Collision.class, () -> directory().create(NewUser.of(unique("d"), "D",
                login + ".alias@example.org", "pw")));
    }

    @Test
    void lookupsSeeChangesMadeThroughTheDirectoryAtOnce() {
        String login = unique("l");
        String later = login + ".later@example.org";
        assertTrue(directory().find(login).isEmpty());
        assertTrue(directory().find(later).isEmpty());
        UserInfo u = newUser(login);
        assertEquals(u.id(), directory().find(login).orElseThrow().id(), "not found before is found once created");
        assertEquals(u, directory().byId(u.id()).orElseThrow());
        directory().update(u.id(), UserChanges.none().withAliases(List.of(later)).withActive(false));
        assertEquals(u.id(), directory().find(later).orElseThrow().id(), "a new alias is found at once");
        assertTrue(directory().find(login + ".alias@example.org").isEmpty(), "a removed alias is gone at once");
        assertFalse(directory().byId(u.id()).orElseThrow().active(), "a deactivation is seen at once");
        directory().delete(u.id());
        assertTrue(directory().find(login).isEmpty());
        assertTrue(directory().byId(u.id()).isEmpty());
    }

    @Test
    void updateDisableAndPasswords() {
        String login = unique("p");
        UserInfo u = newUser(login);
        UserInfo changed = directory().update(u.id(), UserChanges.none().withFullName("New Name")
                .withFeatures(Set.of(Feature.POP3)));
        assertEquals("New Name", changed.fullName());
        assertEquals(Set.of(Feature.POP3), changed.features());
        directory().update(u.id(), UserChanges.none().withActive(false));
        assertTrue(directory().authenticate(login, "secret-" + login).isEmpty(), "a disabled user cannot log on");
        directory().update(u.id(), UserChanges.none().withActive(true));
        directory().setPassword(u.id(), "another");
        assertTrue(directory().authenticate(login, "another").isPresent());
        assertThrows(MapiException.LogonFailed.class, () -> directory().changePassword(u.id(), "nope", "x"));
        directory().changePassword(u.id(), "another", "third");
        assertTrue(directory().authenticate(login, "third").isPresent());
        directory().delete(u.id());
        assertTrue(directory().byId(u.id()).isEmpty());
        assertTrue(directory().find(login + ".alias@example.org").isEmpty());
    }

    /**
     * A password proven once is remembered (so logons stop paying PBKDF2), but never beyond what the stored hash
     * allows: a wrong password still fails, an old one fails after a change, a disabled user still cannot log on.
     */
    @Test
    void provenPasswordsNeverOutliveTheirHashOrTheAccount() {
        String login = unique("v");
        UserInfo u = newUser(login);
        assertTrue(directory().authenticate(login, "secret-" + login).isPresent());
        assertTrue(directory().authenticate(login, "secret-" + login).isPresent(), "again, from the memo");
        assertTrue(directory().authenticate(login, "secret-" + login + "x").isEmpty(), "a wrong one still fails");
        directory().setPassword(u.id(), "changed");
        assertTrue(directory().authenticate(login, "secret-" + login).isEmpty(), "the old one after a change");
        assertTrue(directory().authenticate(login, "changed").isPresent());
        directory().update(u.id(), UserChanges.none().withActive(false));
        assertTrue(directory().authenticate(login, "changed").isEmpty(), "a disabled user, password remembered");
        directory().update(u.id(), UserChanges.none().withActive(true));
        assertTrue(directory().authenticate(login, "changed").isPresent());
    }

    @Test
    void sharedMailboxesCannotLogOn() {
        String login = unique("s");
        directory().create(new NewUser(login, "Shared", login + "@example.org", "pw", false, UserKind.SHARED,
                List.of(), Set.of()));
        assertTrue(directory().authenticate(login, "pw").isEmpty());
    }

    @Test
    void groupsAndEveryone() {
        UserInfo u = newUser(unique("g"));
        String name = unique("team");
        GroupInfo g = directory().createGroup(name, "");
        assertThrows(MapiException.Collision.class, () -> directory().createGroup(name, ""));
        assertEquals(Set.of(directory().everyoneGroupId()), directory().groupIdsOf(u.id()));
        directory().addMember(name, u.id());
        assertEquals(Set.of(directory().everyoneGroupId(), g.id()), directory().groupIdsOf(u.id()));
        assertEquals(List.of(u.login()), directory().group(name).orElseThrow().members());
        assertTrue(directory().group(GroupInfo.EVERYONE).orElseThrow().members().contains(u.login()));
        assertThrows(MapiException.NoAccess.class, () -> directory().addMember(GroupInfo.EVERYONE, u.id()));
        assertThrows(MapiException.NoAccess.class, () -> directory().deleteGroup(GroupInfo.EVERYONE));
        directory().removeMember(name, u.id());
        assertEquals(Set.of(directory().everyoneGroupId()), directory().groupIdsOf(u.id()));
        directory().deleteGroup(name);
        assertEquals(Optional.empty(), directory().group(name));
    }
}
