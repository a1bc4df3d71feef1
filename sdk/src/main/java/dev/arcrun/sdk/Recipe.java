package dev.arcrun.sdk;

import java.util.List;
import java.util.Map;

/**
 * An auth recipe ({@code GET /auth/recipes/{service}}, under {@code recipe}): which credentials it needs, how they
 * are injected ({@code inject.header}, singular, with {@code {{key}}} placeholders), and the only hosts they may be
 * sent to.
 */
public record Recipe(String service, String displayName, String description, List<RequiredSecret> requiredSecrets, Inject inject,
                     List<String> hosts, Probe test) {

    /** Header (and, for some services, query) templates. */
    public record Inject(Map<String, String> header, Map<String, String> query) {}

    /** A harmless call that shows whether the credentials work. */
    public record Probe(String method, String url) {}

    public Recipe {
        requiredSecrets = requiredSecrets == null ? List.of() : List.copyOf(requiredSecrets);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }
}
