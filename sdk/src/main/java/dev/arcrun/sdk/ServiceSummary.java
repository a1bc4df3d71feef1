package dev.arcrun.sdk;

import java.util.List;

/** An auth recipe as {@code GET /auth/recipes} lists it. */
public record ServiceSummary(String service, String displayName, String description, List<RequiredSecret> requiredSecrets, List<String> hosts) {
    public ServiceSummary {
        requiredSecrets = requiredSecrets == null ? List.of() : List.copyOf(requiredSecrets);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }
}
