package dev.arcrun.core.cloudflare;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import java.util.List;

/** Cloudflare denied a call because the token lacks a permission group; names the group and the fix. */
public final class PermissionDeniedException extends CloudflareApiException {

    private final PermissionGroup missing;

    PermissionDeniedException(Operation op, int httpStatus, List<CloudflareError> errors, PermissionGroup missing) {
        super(Failure.of(Failure.Code.MISSING_PERMISSION, List.of(missing)), httpStatus, errors,
                Advice.of(Advice.Code.ADD_PERMISSIONS, TokenTemplate.creationUrl(PermissionGroup.REQUIRED)));
        this.missing = missing;
    }

    public PermissionGroup missing() {
        return missing;
    }
}
