package dev.arcrun.testkit.cloudflare;

import java.util.List;

/**
 * One endpoint: method, path template below /client/v4 (e.g. {@code /accounts/{account_id}/r2/buckets}), the
 * token checks, the permission key Cloudflare requires for it ({@code x-cfPermissionsRequired}; null when none)
 * and the handler.
 */
public record Route(String method, String template, Access access, String permissionKey, Handler handler) {

    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    List<String> segments() {
        return Router.split(template);
    }

    long literalSegments() {
        return segments().stream().filter(s -> !s.startsWith("{")).count();
    }
}
