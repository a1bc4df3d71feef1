package dev.arcrun.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /settings}: the engine owner's settings. */
public final class SettingsApi {
    private final EngineHttp http;

    SettingsApi(EngineHttp http) {
        this.http = http;
    }

    public Settings get() {
        return Json.as(Json.unwrap(http.get("/settings", true), "settings"), Settings.class, "GET /settings");
    }

    /** Replaces the list of private {@code host:port} pairs workflows may reach; returns the settings as stored. */
    public Settings allowPrivateHosts(List<HostPort> hosts) {
        return put(hosts.stream().map(HostPort::toString).distinct().toList());
    }

    /**
     * Sets the plan limits: the outbound requests one run may make, and the days runs are kept; the engine refuses a
     * value outside its range. Returns the settings as stored.
     */
    public Settings limits(int maxSubrequestsPerRun, int runRetentionDays) {
        return Json.as(Json.unwrap(http.send("PUT", "/settings", Map.of("max_subrequests_per_run", maxSubrequestsPerRun,
                "run_retention_days", runRetentionDays), true), "settings"), Settings.class, "PUT /settings");
    }

    private Settings put(List<String> entries) {
        return Json.as(Json.unwrap(http.send("PUT", "/settings", Map.of("allow_private_hosts", entries), true), "settings"),
                Settings.class, "PUT /settings");
    }

    /** Adds one pair (nothing changes when it is listed already); returns the settings as stored. */
    public Settings allowPrivateHost(HostPort host) {
        Settings now = get();
        if (now.allowPrivateHosts().contains(host.toString())) {
            return now;
        }
        List<String> entries = new ArrayList<>(now.allowPrivateHosts());
        entries.add(host.toString());
        return put(entries);
    }

    /** Removes one pair (nothing changes when it is not listed); returns the settings as stored. */
    public Settings disallowPrivateHost(HostPort host) {
        Settings now = get();
        if (!now.allowPrivateHosts().contains(host.toString())) {
            return now;
        }
        return put(now.allowPrivateHosts().stream().filter(e -> !e.equals(host.toString())).toList());
    }
}
