package dev.arcrun.core.engineclient;

import dev.arcrun.core.UserFacingException;
import java.net.URI;
import java.util.Locale;

/**
 * Where the engine is and the keys to use it. The keys may be null: {@code /health} and {@code /register} need none;
 * other calls fail with a clear message when the one they need is missing. {@code toString()} never shows a key.
 */
public record EngineSettings(URI apiUrl, Secret apiKey, Secret encryptionKey) {

    public EngineSettings {
        if (apiUrl == null) {
            throw new IllegalArgumentException("apiUrl");
        }
    }

    /** Parses and checks a user-given URL; a trailing slash is dropped so paths join cleanly. */
    public static URI parseUrl(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = URI.create(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message below
        }
        throw new UserFacingException("'" + url + "' is not an engine URL.",
                "Give a full http:// or https:// URL, such as http://127.0.0.1:8787 or "
                        + "https://arcrun-cypher-executor.<subdomain>.workers.dev.");
    }

    public String url() {
        return apiUrl.toString();
    }

    Secret requireApiKey() {
        if (apiKey == null) {
            throw new UserFacingException("No api key for the engine at " + apiUrl + ".",
                    "Set ARCRUN_API_KEY, or use an install made by `arcrun install`, which keeps its key for you.");
        }
        return apiKey;
    }

    Secret requireEncryptionKey() {
        if (encryptionKey == null) {
            throw new UserFacingException("No encryption key for credentials of the engine at " + apiUrl + ".",
                    "Set ARCRUN_ENCRYPTION_KEY, or use an install made by `arcrun install`, which keeps it for you.");
        }
        return encryptionKey;
    }
}
