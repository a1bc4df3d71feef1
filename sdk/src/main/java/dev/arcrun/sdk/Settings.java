package dev.arcrun.sdk;

import java.util.List;

/**
 * The engine's own settings ({@code GET/PUT /settings}). {@code allowPrivateHosts}: the {@code host:port} pairs on
 * loopback, link-local or private networks that workflows may reach; every other such address is refused.
 * {@code maxSubrequestsPerRun}: the outbound requests one run may make; {@code runRetentionDays}: how long runs are
 * kept. Both are null from an engine too old to have them.
 */
public record Settings(List<String> allowPrivateHosts, Integer maxSubrequestsPerRun, Integer runRetentionDays) {
    public Settings {
        allowPrivateHosts = allowPrivateHosts == null ? List.of() : List.copyOf(allowPrivateHosts);
    }

    public Settings(List<String> allowPrivateHosts) {
        this(allowPrivateHosts, null, null);
    }
}
