package dev.arcrun.sdk;

import java.util.Objects;

/**
 * A secret string (api key, encryption key, credential value) that never shows itself: {@code toString()} is
 * redacted, so records holding one can be logged or printed safely. Call {@link #reveal()} only to use it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Null or blank gives null, so "not set" stays distinguishable from a value. */
    public static Secret ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Secret(value);
    }

    public static Secret of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A secret cannot be empty.");
        }
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "***";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }
}
