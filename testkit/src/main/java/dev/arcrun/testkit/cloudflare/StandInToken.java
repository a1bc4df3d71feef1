package dev.arcrun.testkit.cloudflare;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

/**
 * A token the stand-in accepts.
 *
 * @param ownerAccountId null for a user token; the account id for an account-owned token
 * @param status         {@code active}, {@code expired} or {@code disabled} (Cloudflare's token statuses)
 */
public record StandInToken(String value, String id, String ownerAccountId, String status,
                           Set<TokenPermission> permissions) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    public StandInToken {
        permissions = Set.copyOf(permissions);
    }

    /** An active user token with every permission the installer needs. */
    public static StandInToken user(String value) {
        return new StandInToken(value, StandInState.newId(), null, "active", EnumSet.allOf(TokenPermission.class));
    }

    /** An active account-owned token with every permission the installer needs. */
    public static StandInToken accountOwned(String value, String accountId) {
        return new StandInToken(value, StandInState.newId(), accountId, "active",
                EnumSet.allOf(TokenPermission.class));
    }

    /** A random 40-character value, the shape of a real Cloudflare API token. */
    public static String randomValue() {
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public StandInToken withStatus(String newStatus) {
        return new StandInToken(value, id, ownerAccountId, newStatus, permissions);
    }

    public StandInToken without(TokenPermission missing) {
        EnumSet<TokenPermission> p = permissions.isEmpty() ? EnumSet.noneOf(TokenPermission.class)
                : EnumSet.copyOf(permissions);
        p.remove(missing);
        return new StandInToken(value, id, ownerAccountId, status, p);
    }

    public boolean active() {
        return "active".equals(status);
    }

    public boolean accountOwned() {
        return ownerAccountId != null;
    }

    /** Never print the value: tests assert the token appears nowhere. */
    @Override
    public String toString() {
        return "StandInToken[id=" + id + ", owner=" + (ownerAccountId == null ? "user" : ownerAccountId)
                + ", status=" + status + ", permissions=" + permissions + "]";
    }
}
