package dev.arcrun.sdk;

import java.util.List;

/**
 * The engine's own settings ({@code GET/PUT /settings}). {@code allowPrivateHosts}: the {@code host:port} pairs on
 * loopback, link-local or private networks that workflows may reach; every other such address is refused.
 */
public record Settings(List<String> allowPrivateHosts) {
    public Settings {
        allowPrivateHosts = allowPrivateHosts == null ? List.of() : List.copyOf(allowPrivateHosts);
    }
}
