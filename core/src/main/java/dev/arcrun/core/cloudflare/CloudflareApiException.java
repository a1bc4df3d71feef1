package dev.arcrun.core.cloudflare;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.UserFacingException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Cloudflare refused a call. Carries the HTTP status and Cloudflare's own error codes and messages; the message
 * says which action failed. Holds no token: nothing here ever saw it.
 */
public class CloudflareApiException extends UserFacingException {

    private final int httpStatus;
    private final List<CloudflareError> errors;

    /** Cloudflare refused the operation: the failure names it with the status or Cloudflare's own errors. */
    public CloudflareApiException(Operation op, int httpStatus, List<CloudflareError> errors, Advice advice) {
        super(Failure.of(Failure.Code.CLOUDFLARE_REFUSED, op, detail(httpStatus, errors)), advice);
        this.httpStatus = httpStatus;
        this.errors = List.copyOf(errors);
    }

    /** A refusal core knows the meaning of: the failure says it (Cloudflare's own errors stay available). */
    protected CloudflareApiException(Failure failure, int httpStatus, List<CloudflareError> errors, Advice advice) {
        super(failure, advice);
        this.httpStatus = httpStatus;
        this.errors = List.copyOf(errors);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public List<CloudflareError> errors() {
        return errors;
    }

    public boolean hasCode(int code) {
        return errors.stream().anyMatch(e -> e.code() == code);
    }

    /** Cloudflare's own words (code and message), or the status when it gave none: a value, not our sentence. */
    private static String detail(int status, List<CloudflareError> errors) {
        return errors.isEmpty() ? "HTTP " + status
                : errors.stream().map(CloudflareError::toString).collect(Collectors.joining("; "));
    }
}
