package dev.arcrun.sdk;

import java.util.Map;

/**
 * Where a program starts with arcrun's Java SDK:
 *
 * <pre>{@code
 * try (EngineClient arcrun = Arcrun.fromEnvironment()) {       // ARCRUN_API_URL, ARCRUN_API_KEY, ARCRUN_ENCRYPTION_KEY
 *     arcrun.services().setup("openai", Map.of("api_key", Secret.of(System.getenv("OPENAI_API_KEY"))));
 *     RunResult r = arcrun.workflows().run("hello", input);
 * }
 * }</pre>
 *
 * Each setting is taken from the parameter when one is given, else from its environment variable. Keys are sent
 * only over https, or over plain http to this computer (127.0.0.1, ::1, localhost).
 */
public final class Arcrun {
    public static final String ENV_URL = "ARCRUN_API_URL";
    public static final String ENV_API_KEY = "ARCRUN_API_KEY";
    public static final String ENV_ENCRYPTION_KEY = "ARCRUN_ENCRYPTION_KEY";

    private Arcrun() {}

    /**
     * A client for the engine at {@code url}. Any argument may be null to take it from the environment; the keys may
     * be missing altogether ({@code health()} needs none, credentials need the encryption key).
     */
    public static EngineClient connect(String url, String apiKey, String encryptionKey) {
        return EngineClient.create(settings(url, apiKey, encryptionKey, System.getenv()));
    }

    /** {@link #connect} with every setting from {@code ARCRUN_API_URL}, {@code ARCRUN_API_KEY}, {@code ARCRUN_ENCRYPTION_KEY}. */
    public static EngineClient fromEnvironment() {
        return connect(null, null, null);
    }

    /** Parameters first, then {@code env}; the URL is required, the keys are not. */
    public static EngineSettings settings(String url, String apiKey, String encryptionKey, Map<String, String> env) {
        String u = firstNonBlank(url, env.get(ENV_URL));
        if (u == null) {
            throw new ArcrunException(ArcrunException.Kind.URL_MISSING, "", "No engine URL was given.",
                    "Pass the engine's URL, or set " + ENV_URL + " (for example http://127.0.0.1:8787).");
        }
        return new EngineSettings(EngineSettings.parseUrl(u),
                Secret.ofNullable(firstNonBlank(apiKey, env.get(ENV_API_KEY))),
                Secret.ofNullable(firstNonBlank(encryptionKey, env.get(ENV_ENCRYPTION_KEY))));
    }

    private static String firstNonBlank(String given, String env) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return env == null || env.isBlank() ? null : env;
    }
}
