package dev.arcrun.core.workflow;

import java.util.regex.Pattern;

/**
 * The engine's rule for a credential's name (engine/workers/cypher-executor/src/credentials.ts,
 * {@code CREDENTIAL_NAME}), checked before a value is asked for or sent.
 */
public final class CredentialName {
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private CredentialName() {}

    public static boolean isValid(String name) {
        return name != null && RULE.matcher(name).matches();
    }
}
