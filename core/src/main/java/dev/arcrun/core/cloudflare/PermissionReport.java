package dev.arcrun.core.cloudflare;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

import dev.arcrun.core.UserFacingException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of probing each permission group with one harmless read.
 *
 * @param checks one per group in {@link PermissionGroup#REQUIRED}
 */
public record PermissionReport(List<Check> checks) {

    public enum Outcome { GRANTED, MISSING, NOT_CHECKED }

    /**
     * @param note why a group was not checked, or what Cloudflare said when it refused; empty when granted
     */
    public record Check(PermissionGroup group, Outcome outcome, java.util.Optional<dev.arcrun.core.install.Note> note) {
        public Check {
            java.util.Objects.requireNonNull(note);
        }
    }

    public List<PermissionGroup> missing() {
        return checks.stream().filter(c -> c.outcome() == Outcome.MISSING).map(Check::group).toList();
    }

    public boolean complete() {
        return missing().isEmpty();
    }

    /**
     * @throws UserFacingException naming every missing group as the token page shows it, with the fix
     */
    public PermissionReport requireComplete() {
        if (complete()) {
            return this;
        }
        throw new UserFacingException(Failure.of(Failure.Code.MISSING_PERMISSION, missing()),
                Advice.of(Advice.Code.ADD_PERMISSIONS, tokenTemplateUrl()));
    }

    /** The prefilled token-creation link with every group the install needs. */
    public URI tokenTemplateUrl() {
        return TokenTemplate.creationUrl(PermissionGroup.REQUIRED);
    }
}
