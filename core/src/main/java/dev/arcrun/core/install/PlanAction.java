package dev.arcrun.core.install;

import dev.arcrun.core.cloudflare.PermissionGroup;
import java.nio.file.Path;
import java.util.List;

/**
 * What one line of a dry run says an install would do, as a fact: the CLI and the app render it from the message
 * catalog ({@link dev.arcrun.core.i18n.Messages}) in the user's language; {@code --json} gives {@link #code()} and
 * the values.
 */
public sealed interface PlanAction {
    /** A stable, language-free name of the kind of action ({@code kv.create}); the catalog key is {@code plan.} + it. */
    String code();

    /** The values the sentence is built from, in the catalog's order. */
    default List<Object> args() {
        return List.of();
    }

    /** Whether this line stops the install until the user fixes something. */
    default boolean blocking() {
        return false;
    }

    record UseToolchain(String node, String wrangler) implements PlanAction {
        public String code() { return "toolchain.use"; }
        public List<Object> args() { return List.of(node, wrangler); }
    }

    record InstallToolchain(String node, String wrangler, Path folder) implements PlanAction {
        public String code() { return "toolchain.install"; }
        public List<Object> args() { return List.of(node, wrangler, folder.toString()); }
    }

    record TokenReady(String account) implements PlanAction {
        public String code() { return "verify.ok"; }
        public List<Object> args() { return List.of(account); }
    }

    record PermissionsMissing(String account, List<PermissionGroup> missing) implements PlanAction {
        public String code() { return "verify.missing"; }
        public List<Object> args() {
            return List.of(account, String.join(", ", missing.stream().map(PermissionGroup::displayName).toList()));
        }
        public boolean blocking() { return true; }
    }

    record KvNamespace(boolean exists, String title) implements PlanAction {
        public String code() { return exists ? "kv.reuse" : "kv.create"; }
        public List<Object> args() { return List.of(title); }
    }

    record R2Bucket(boolean exists, String name) implements PlanAction {
        public String code() { return exists ? "r2.reuse" : "r2.create"; }
        public List<Object> args() { return List.of(name); }
    }

    record UseSubdomain(String subdomain) implements PlanAction {
        public String code() { return "subdomain"; }
        public List<Object> args() { return List.of(subdomain); }
    }

    record NoSubdomain() implements PlanAction {
        public String code() { return "subdomain.none"; }
        public boolean blocking() { return true; }
    }

    record FetchBuiltin() implements PlanAction {
        public String code() { return "fetch.builtin"; }
    }

    record FetchFrom(String where) implements PlanAction {
        public String code() { return "fetch"; }
        public List<Object> args() { return List.of(where); }
    }

    record KeepKeys() implements PlanAction {
        public String code() { return "keys.keep"; }
    }

    record NewKeys() implements PlanAction {
        public String code() { return "keys.new"; }
    }

    record Deploy(List<String> workers) implements PlanAction {
        public String code() { return "deploy"; }
        public List<Object> args() { return List.of(String.join(", ", workers)); }
    }

    record StartLocal() implements PlanAction {
        public String code() { return "start"; }
    }

    record Seed() implements PlanAction {
        public String code() { return "seed"; }
    }

    record WriteConfig(boolean exists, Path file) implements PlanAction {
        public String code() { return exists ? "config.update" : "config.create"; }
        public List<Object> args() { return List.of(file.toString()); }
    }
}
