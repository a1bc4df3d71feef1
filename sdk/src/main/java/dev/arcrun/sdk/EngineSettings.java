package dev.arcrun.sdk;

import java.net.URI;
import java.util.Locale;

/**
 * Where the engine is and the keys to use it. The keys may be null: {@code /health} and {@code /register} need none;
 * other calls fail with a clear message when the one they need is missing. {@code toString()} never shows a key.
 * {@code keysWithheldFor} is the install's own engine URL when its keys were kept back because {@code apiUrl} is
 * another address (an application's own rule, such as arcrun's install keys); it only makes the "no key" message say why.
 */
public record EngineSettings(URI apiUrl, Secret apiKey, Secret encryptionKey, URI keysWithheldFor) {

    public EngineSettings {
        if (apiUrl == null) {
            throw new IllegalArgumentException("apiUrl");
        }
        if (apiKey != null || encryptionKey != null) {
            requireSafeTransport(apiUrl);
        }
    }

    public EngineSettings(URI apiUrl, Secret apiKey, Secret encryptionKey) {
        this(apiUrl, apiKey, encryptionKey, null);
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
        throw new ArcrunException(ArcrunException.Kind.URL_INVALID, url, "'" + url + "' is not an engine URL.",
                "Give a full http:// or https:// URL, such as http://127.0.0.1:8787 or "
                        + "https://arcrun-cypher-executor.<subdomain>.workers.dev.");
    }

    /**
     * Keys travel in clear over plain http, so http is accepted only to this computer (the local engine);
     * anything else must be https.
     */
    public static void requireSafeTransport(URI url) {
        if ("http".equalsIgnoreCase(url.getScheme()) && !isLoopback(url.getHost())) {
            throw new ArcrunException(ArcrunException.Kind.PLAIN_HTTP, url.toString(), "Refusing to talk to " + url + " over plain http: its keys would cross the "
                    + "network unencrypted.", "Use its https:// address (plain http:// is accepted only for "
                    + "127.0.0.1, ::1 and localhost).");
        }
    }

    /** A loopback host by its literal name only: resolving it through DNS could be made to lie. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The same engine: scheme, host and port equal (case-insensitive host, default ports filled in), same path. */
    public static boolean sameEngine(URI a, URI b) {
        if (a == null || b == null) {
            return false;
        }
        String sa = a.getScheme().toLowerCase(Locale.ROOT);
        String sb = b.getScheme().toLowerCase(Locale.ROOT);
        return sa.equals(sb) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b)
                && path(a).equals(path(b));
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String path(URI u) {
        return u.getRawPath() == null ? "" : u.getRawPath();
    }

    public String url() {
        return apiUrl.toString();
    }

    /** The api key, or a failure that says how to give one. */
    public Secret requireApiKey() {
        if (apiKey == null) {
            if (keysWithheldFor != null) {
                throw new ArcrunException(ArcrunException.Kind.API_KEY_WITHHELD, apiUrl.toString(), "No api key for the engine at " + apiUrl + ": the install's key is sent "
                        + "only to its own engine (" + keysWithheldFor + ").",
                        "Set ARCRUN_API_KEY to the key of the engine at " + apiUrl + ", or leave out the URL to use the install's engine.");
            }
            throw new ArcrunException(ArcrunException.Kind.API_KEY_MISSING, apiUrl.toString(), "No api key for the engine at " + apiUrl + ".",
                    "Set ARCRUN_API_KEY to the key the engine was given.");
        }
        return apiKey;
    }

    /** The encryption key, or a failure that says how to give one. */
    public Secret requireEncryptionKey() {
        if (encryptionKey == null) {
            if (keysWithheldFor != null) {
                throw new ArcrunException(ArcrunException.Kind.ENCRYPTION_KEY_WITHHELD, apiUrl.toString(), "No encryption key for credentials of the engine at " + apiUrl
                        + ": the install's key is used only with its own engine (" + keysWithheldFor + ").",
                        "Set ARCRUN_ENCRYPTION_KEY to the key of the engine at " + apiUrl + ", or leave out the URL to use the install's engine.");
            }
            throw new ArcrunException(ArcrunException.Kind.ENCRYPTION_KEY_MISSING, apiUrl.toString(), "No encryption key for credentials of the engine at " + apiUrl + ".",
                    "Set ARCRUN_ENCRYPTION_KEY to the key the engine was given.");
        }
        return encryptionKey;
    }
}
