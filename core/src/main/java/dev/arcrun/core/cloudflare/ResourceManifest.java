package dev.arcrun.core.cloudflare;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.util.List;

/**
 * The storage the engine needs: 7 KV namespaces and 1 R2 bucket, each with the binding name the engine's workers
 * use. Titles and bucket names are {@code prefix + name}; the prefix (default {@value #DEFAULT_PREFIX}) lets two
 * installs share one account.
 */
public record ResourceManifest(String prefix, List<Kv> kv, List<R2> r2) {

    public static final String DEFAULT_PREFIX = "arcrun-";

    /** A KV namespace: binding name and full title. */
    public record Kv(String binding, String title) {}

    /** An R2 bucket: binding name and full bucket name. */
    public record R2(String binding, String name) {}

    public ResourceManifest {
        kv = List.copyOf(kv);
        r2 = List.copyOf(r2);
    }

    public static ResourceManifest standard() {
        return standard(DEFAULT_PREFIX);
    }

    /**
     * @throws UserFacingException when the prefix would give an invalid R2 bucket name (lowercase letters, digits
     *                             and dashes, starting with a letter or digit)
     */
    public static ResourceManifest standard(String prefix) {
        if (!prefix.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new UserFacingException(Failure.of(Failure.Code.PREFIX_INVALID, prefix),
                    Advice.of(Advice.Code.PREFIX_FORM, 41, "team2-"));
        }
        return new ResourceManifest(prefix, List.of(
                new Kv("CREDENTIALS", prefix + "credentials"),
                new Kv("WORKFLOWS", prefix + "workflows"),
                new Kv("AUTH_RECIPES", prefix + "auth-recipes"),
                new Kv("API_RECIPES", prefix + "api-recipes"),
                new Kv("RUNS", prefix + "runs"),
                new Kv("ACCOUNTS", prefix + "accounts"),
                new Kv("COMPONENTS", prefix + "components")),
                List.of(new R2("COMPONENT_BINARIES", prefix + "components")));
    }

    public int size() {
        return kv.size() + r2.size();
    }
}
