package org.koppel.dist.runtime;

import java.security.SecureRandom;
import java.util.Optional;
import org.koppel.store.client.NewUser;
import org.koppel.store.client.Session;
import org.koppel.store.client.UserKind;

/**
 * The user created on a fresh server so that there is something to log on with: login {@code demo} and a
 * random password, shown once and kept in a private file in the data directory.
 */
public record DemoAccount(String login, String password) {

    public static final String LOGIN = "demo";

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 20;

    /**
     * Creates the demo user if the directory holds no one but system identities, and writes its
     * credentials to {@code credentialsFile}; empty when the server already had users.
     */
    public static Optional<DemoAccount> createOnFirstStart(Session admin, PrivateFile credentialsFile, SecureRandom random) {
        boolean hasUsers = admin.directory().users().stream().anyMatch(u -> u.kind() != UserKind.SYSTEM);
        if (hasUsers) {
            return Optional.empty();
        }
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        DemoAccount account = new DemoAccount(LOGIN, password.toString());
        admin.directory().createUser(NewUser.of(LOGIN, "Demo User", "demo@localhost", account.password()));
        credentialsFile.replace("# Koppel demo account, created on first start\nlogin = " + LOGIN
                    + "\npassword = " + account.password() + "\n");
        return Optional.of(account);
    }

    @Override
    public String toString() {
        return "DemoAccount[" + login + "]";
    }
}
