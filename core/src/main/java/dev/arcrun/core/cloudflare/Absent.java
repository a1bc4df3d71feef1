package dev.arcrun.core.cloudflare;

import java.util.Optional;

/**
 * "404 means absent": the one place that turns Cloudflare's not-found answers into an empty result. A missing
 * permission is never taken for absence (Cloudflare may hide a resource behind a 403), and any other failure is
 * rethrown as it is.
 */
final class Absent {
    private Absent() {
    }

    /** The reply, or empty when Cloudflare answered 404 or with one of {@code absentCodes}. */
    static Optional<CloudflareHttp.Reply> unlessAbsent(CloudflareHttp http, CloudflareHttp.Call call, int... absentCodes) {
        try {
            return Optional.of(http.send(call));
        } catch (PermissionDeniedException denied) {
            throw denied;
        } catch (CloudflareApiException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            for (int code : absentCodes) {
                if (e.hasCode(code)) {
                    return Optional.empty();
                }
            }
            throw e;
        }
    }

    /** Sends a deletion; false when the thing was already gone. */
    static boolean deleted(CloudflareHttp http, CloudflareHttp.Call call) {
        return unlessAbsent(http, call).isPresent();
    }
}
