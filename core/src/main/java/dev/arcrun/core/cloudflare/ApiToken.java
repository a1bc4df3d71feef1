package dev.arcrun.core.cloudflare;

/**
 * A Cloudflare API token. The value leaves this object only as the Authorization header the HTTP layer builds;
 * {@link #toString()} never shows it, so it cannot slip into logs, messages or output.
 */
public final class ApiToken {

    private final String value;

    private ApiToken(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException when the value is blank or holds whitespace or control characters (it
     *                                  would break, or smuggle lines into, the Authorization header); the message
     *                                  does not repeat the value
     */
    public static ApiToken of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the token is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException("the token contains spaces, line breaks or control characters");
            }
        }
        return new ApiToken(value);
    }

    /** For the Authorization header only. */
    String bearerHeader() {
        return "Bearer " + value;
    }

    /**
     * The value, for the few places that must hand it on: a child process's environment (wrangler reads
     * CLOUDFLARE_API_TOKEN) and a log redactor told which strings to hide. Never print it.
     */
    public String secretValue() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiToken[redacted]";
    }
}
