package dev.arcrun.core.engineclient;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.SecretStore;
import dev.arcrun.sdk.Arcrun;
import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.sdk.EngineSettings;
import dev.arcrun.sdk.Secret;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Resolves each setting on its own, in the order: explicit value (a CLI option, a GUI field) &gt; environment
 * ({@code ARCRUN_API_URL}, {@code ARCRUN_API_KEY}, {@code ARCRUN_ENCRYPTION_KEY}) &gt; the install's config and
 * {@link SecretStore}. The install is looked up only when a setting is still missing, so a fully explicit or
 * env-configured call never opens the keychain. The install's keys go only to the install's own engine URL: a URL
 * given explicitly or by env that points elsewhere gets only keys given explicitly or by env, and plain http is
 * refused for anything but this computer.
 */
public final class EngineSettingsResolver {
    public static final String ENV_URL = Arcrun.ENV_URL;
    public static final String ENV_API_KEY = Arcrun.ENV_API_KEY;
    public static final String ENV_ENCRYPTION_KEY = Arcrun.ENV_ENCRYPTION_KEY;

    /** What an install contributes. */
    public interface InstallSource {
        Optional<String> engineUrl();

        Optional<String> secret(SecretKind kind);

        /** No install (none on this computer). */
        InstallSource NONE = new InstallSource() {
            @Override public Optional<String> engineUrl() {
                return Optional.empty();
            }

            @Override public Optional<String> secret(SecretKind kind) {
                return Optional.empty();
            }
        };

        static InstallSource of(InstallConfig config, SecretStore secrets) {
            return new InstallSource() {
                @Override public Optional<String> engineUrl() {
                    return Optional.ofNullable(config.engineUrl());
                }

                @Override public Optional<String> secret(SecretKind kind) {
                    return secrets.get(config.name(), kind);
                }
            };
        }
    }

    /** Values the caller was given directly; any may be null. */
    public record Explicit(String apiUrl, Secret apiKey, Secret encryptionKey) {
        public static final Explicit NONE = new Explicit(null, null, null);
    }

    private EngineSettingsResolver() {}

    public static EngineSettings resolve(Explicit explicit, Map<String, String> env, Supplier<InstallSource> install) {
        Supplier<InstallSource> once = memoize(install);
        String given = first(explicit.apiUrl(), env.get(ENV_URL), () -> null);
        String url = given != null ? given : once.get().engineUrl().orElse(null);
        if (url == null) {
            // no URL given and no install on this computer; the faces say how to give one (a flag, a button)
            throw new UserFacingException(Failure.of(Failure.Code.SDK_URL_MISSING), Advice.of(Advice.Code.SDK_GIVE_URL));
        }
        URI target = EngineSettings.parseUrl(url);
        EngineSettings.requireSafeTransport(target);
        Secret apiKey = explicit.apiKey() != null ? explicit.apiKey() : Secret.ofNullable(blankToNull(env.get(ENV_API_KEY)));
        Secret encKey = explicit.encryptionKey() != null ? explicit.encryptionKey()
                : Secret.ofNullable(blankToNull(env.get(ENV_ENCRYPTION_KEY)));
        URI withheldFor = null;
        if (apiKey == null || encKey == null) {
            // The install's keys belong to the install's engine: a URL given by option or env that points elsewhere
            // (a typo, a stale variable, someone else's server) gets only keys given explicitly.
            URI own = once.get().engineUrl().map(EngineSettingsResolver::parseOrNull).orElse(null);
            if (given == null || EngineSettings.sameEngine(target, own)) {
                if (apiKey == null) {
                    apiKey = Secret.ofNullable(once.get().secret(SecretKind.API_KEY).orElse(null));
                }
                if (encKey == null) {
                    encKey = Secret.ofNullable(once.get().secret(SecretKind.ENCRYPTION_KEY).orElse(null));
                }
            } else if (own != null) {
                withheldFor = own;
            }
        }
        return new EngineSettings(target, apiKey, encKey, withheldFor);
    }

    private static URI parseOrNull(String url) {
        try {
            return EngineSettings.parseUrl(url);
        } catch (ArcrunException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String first(String explicit, String env, Supplier<String> install) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        if (env != null && !env.isBlank()) {
            return env;
        }
        return install.get();
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }
}
