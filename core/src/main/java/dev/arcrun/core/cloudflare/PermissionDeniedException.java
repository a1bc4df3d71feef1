package dev.arcrun.core.cloudflare;

import java.util.List;

/** Cloudflare denied a call because the token lacks a permission group; names the group and the fix. */
public final class PermissionDeniedException extends CloudflareApiException {

    private final PermissionGroup missing;

    PermissionDeniedException(Operation op, int httpStatus, List<CloudflareError> errors, PermissionGroup missing) {
        super(op.action(), httpStatus, errors, "The token lacks the permission " + missing.displayName()
                + ". Add it to the token on Cloudflare's API Tokens page, or create a token with everything Arcrun "
                + "needs: " + TokenTemplate.creationUrl(PermissionGroup.REQUIRED));
        this.missing = missing;
    }

    public PermissionGroup missing() {
        return missing;
    }
}
