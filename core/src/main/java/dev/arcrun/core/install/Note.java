package dev.arcrun.core.install;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a step reports while or after it works (its progress, its summary, why it was skipped), as a fact: a code and
 * its values. The faces word it from core's catalog ({@code note.} + id).
 */
public record Note(Code code, List<Object> args) {
    public Note {
        Objects.requireNonNull(code);
        args = List.copyOf(args);
    }

    public static Note of(Code code, Object... args) {
        return new Note(code, Arrays.stream(args).map(a -> a == null ? "" : a).toList());
    }

    public String key() {
        return "note." + code.id();
    }

    public enum Code {
        // summaries
        TOOLCHAIN_READY, TOKEN_ACTIVE, PROVISIONED, SUBDOMAIN_FOUND, FETCHED, FETCHED_FROM_CACHE, REUSED_BUNDLE,
        DISCOVERED, DISCOVERED_ALL_BOUND, DISCOVERED_ADDED, INJECTED, KEYS_MADE, DEPLOYED, LOCAL_STARTED, SEEDED,
        CONFIG_INSTALLED, CONFIG_CHANGED, ENGINE_ANSWERS, ENGINE_NOT_YET,
        // skip reasons
        DONE_EARLIER, KEYS_KEPT, ALREADY_DEPLOYED, SEEDS_LOADED, ALREADY_RECORDED,
        // what an uninstall removed
        REMOVED_LOCAL_ENGINE, REMOVED_LOCAL_DATA, REMOVED_CONFIG, REMOVED_NOTHING_IN_CLOUDFLARE, REMOVED_RESOURCE,
        REMOVED_ALREADY_GONE,
        // progress
        CHECKING_PERMISSIONS, TOOLCHAIN_DOWNLOADING, DOWNLOADING, DOWNLOADING_OF, DOWNLOAD_RETRY, UNPACKED, SEED_WRITING, SEED_ITEM,
        WAITING_FOR_ENGINE,
        // cloudflare calls (facts-cfconfig)
        CLOUDFLARE_WAITING, PERMISSION_NOT_CHECKABLE, CLOUDFLARE_SAYS,
        // arcrun's own log lines while it deploys, installs the toolchain and runs the local engine (facts-deploy)
        DEPLOYING, DEPLOY_SECRETS, WORKER_DEPLOYED, WORKER_DEPLOY_FAILED, WORKER_NOT_DEPLOYED, PROCESS_CANCELLED,
        PROCESS_STOPPED, TOOLCHAIN_INSTALLING, TOOLCHAIN_INSTALLING_WRANGLER, TOOLCHAIN_INSTALLED, NODE_DOWNLOADING,
        LOCAL_ALREADY_RUNNING, LOCAL_RESTARTING_OTHER, LOCAL_RESTARTING_UNHEALTHY, LOCAL_CHECKING_TOOLCHAIN,
        LOCAL_PORT_TAKEN, LOCAL_STARTING, LOCAL_ANSWERS, LOCAL_STOPPING_LEGACY, LOCAL_DATA_MOVED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
