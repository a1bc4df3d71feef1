package dev.arcrun.core.install;

import dev.arcrun.core.config.Target;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the user asked for. The Cloudflare token is never here: it comes from the environment, a token file or the
 * install's secret store.
 *
 * @param source    {@code builtin}, {@code github:OWNER/REPO@REF}, an https URL or a local .tar.gz
 * @param prefix    prefix of the KV namespace titles, the bucket name and the worker names, so two installs can share an account
 */
public record InstallOptions(Target target, String name, String source, String prefix, Optional<String> apiBase,
                             Optional<Path> tokenFile, Optional<String> accountId, boolean resume, boolean dryRun) {

    public static final String BUILTIN = "builtin";

    public InstallOptions {
        source = source == null || source.isBlank() ? BUILTIN : source.strip();
        prefix = prefix == null || prefix.isBlank() ? dev.arcrun.core.cloudflare.ResourceManifest.DEFAULT_PREFIX : prefix;
        checkPrefix(prefix);
        name = name == null || name.isBlank() ? defaultName(target, prefix) : name;
        apiBase = apiBase == null ? Optional.empty() : apiBase;
        tokenFile = tokenFile == null ? Optional.empty() : tokenFile;
        accountId = accountId == null ? Optional.empty() : accountId;
    }

    /**
     * A prefix the engine's own worker names already start with ("arcrun", "a", "arcrun-r", "arcrun-cypher-", …)
     * would leave those workers unrenamed, so a second install would overwrite the first one's workers: refused.
     */
    static void checkPrefix(String prefix) {
        if (WorkerNames.cannotRename(prefix)) {
            throw new dev.arcrun.core.UserFacingException(
                    dev.arcrun.core.Failure.of(dev.arcrun.core.Failure.Code.PREFIX_TOO_CLOSE, prefix),
                    dev.arcrun.core.Advice.of(dev.arcrun.core.Advice.Code.PREFIX_OTHER));
        }
    }

    public static InstallOptions of(Target target) {
        return new InstallOptions(target, null, null, null, null, null, null, false, false);
    }

    /** {@code local}, {@code cloudflare}, or {@code cloudflare-<prefix>} for a non-default prefix. */
    static String defaultName(Target target, String prefix) {
        if (target == Target.LOCAL) {
            return "local";
        }
        String p = prefix.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return p.isEmpty() || p.equals("arcrun") ? "cloudflare" : "cloudflare-" + p;
    }

    public InstallOptions withSource(String s) {
        return new InstallOptions(target, name, s, prefix, apiBase, tokenFile, accountId, resume, dryRun);
    }

    public InstallOptions withResume(boolean r) {
        return new InstallOptions(target, name, source, prefix, apiBase, tokenFile, accountId, r, dryRun);
    }
}
