package dev.arcrun.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the user can do about a failure, as a fact. Most advice is worded by core's catalog ({@code advice.} + id);
 * an {@linkplain Code#action() action} is something the user does in a face (a command in the CLI, a button in the
 * app), so each face words it itself and core's catalog has no sentence for it.
 */
public record Advice(Code code, List<Object> args) {
    public static final Advice NONE = new Advice(Code.NONE, List.of());

    public Advice {
        Objects.requireNonNull(code);
        args = List.copyOf(args);
    }

    public static Advice of(Code code, Object... args) {
        return new Advice(code, Arrays.stream(args).map(a -> a == null ? "" : a).toList());
    }

    public boolean isNone() {
        return code == Code.NONE;
    }

    /** The catalog key, in core's catalog or (for an action) in the face's own. */
    public String key() {
        return "advice." + code.id();
    }

    public enum Code {
        NONE,
        /** A face's own problem, worded by that face from its catalog (the CLI's CliProblem, the app's file checks); core never emits it. */
        UNWORDED,
        // actions: the faces word these (a command line, a button)
        /** Run the same install again; finished steps are not repeated. */
        RESUME(true),
        /** Start the install from the beginning (there is nothing to resume). */
        INSTALL_FRESH(true),
        /** Choose another install name. */
        OTHER_NAME(true),
        /** Finish the install first ({@code target}). */
        FINISH_INSTALL(true),
        /** Update again to {@code source} to go forward. */
        UPDATE_FORWARD(true),
        /** Say which install ({@code names}). */
        CHOOSE_INSTALL(true),
        /** Give the Cloudflare token ({@code creation url}). */
        GIVE_TOKEN(true),
        /** Give the Cloudflare account id. */
        GIVE_ACCOUNT(true),
        /** Choose one of the accounts. */
        CHOOSE_ACCOUNT(true),
        /** Look at the local engine's log, then resume. */
        LOCAL_LOG(true),
        /** The engine may answer in a few minutes: check its status again later. */
        CHECK_LATER(true),
        /** Type the install's name exactly. */
        CONFIRM_NAME(true),
        /** Restore the install's keys, or uninstall it ({@code name}) and install again. */
        RESTORE_KEYS(true),
        /** Install the engine on this computer. */
        INSTALL_LOCAL(true),
        /** Install it again ({@code target}, {@code name}). */
        INSTALL_AGAIN(true),
        // worded by core
        ADD_PERMISSIONS, TOKEN_RENEW, TOKEN_ENABLE, TOKEN_RECOPY, TOKEN_CHECK_COPY, TOKEN_CHECK_COPY_OR_ACCOUNT, TOKEN_FILE_PATH, TOKEN_FILE_PERMISSIONS,
        TOKEN_FILE_ONE_LINE, TOKEN_UNDER_ACCOUNT, ACCOUNT_ID_FORM, API_BASE_FORM, OPEN_WORKERS_PAGE, PREFIX_OTHER,
        ROLLBACK_AFTER_UPDATE, BUNDLE_SECRET, DEPLOY_LINES, ENGINE_LOG, SEED_FIX_BUNDLE, CHECK_DISK, REINSTALL,
        UPDATE_APP, CHECK_CONNECTION, TOKEN_CHECK_PERMISSIONS, ACCOUNT_ID_CHECK, SECRETS_FILE_REMOVE,
        CONFIG_FIX, BUNDLE_TRUSTED,
        // bundle fetch and download
        /** Choose a new or empty folder, or let it be replaced ({@code --replace} in the CLI). */
        REPLACE_DEST(true),
        /** Use the resources list exactly as provisioning wrote it ({@code arcrun cf provision --json} in the CLI). */
        PROVISION_OUTPUT(true),
        DEST_INSIDE_FOLDER, OTHER_DESTINATION, FOLDER_WRITABLE, BUNDLE_IS_ENGINE, CHECK_FOLDER_PERMISSIONS, WORKER_NAME,
        FIX_WORKER_CONFIG, UNIQUE_WORKERS, ADD_WORKER_OR_BINDING, NO_BINDING_CYCLE, FIX_MANIFEST, SECRET_NAME_FORM,
        CHECK_SHA, CHECK_PATH_PERMISSIONS, OTHER_SOURCE, SOURCE_FORMS, CHECK_TYPOS, GITHUB_FORM, CHECK_PATH, SHA256_FORM,
        CHECK_INTERNET, CHECK_URL, URL_TARBALL, URL_ARCHIVE_ITSELF, URL_NOT_FOUND, URL_PUBLIC, STAY_HTTPS, URL_MISCONFIGURED,
        // config injection
        WRANGLER_CONFIG_PERMISSIONS, WRANGLER_CONFIG_FIX, WRANGLER_CONFIG_NOT_WORKER, PROVISION_FOR_BUNDLE,
        // cloudflare calls, installs' configs and secrets (facts-cfconfig)
        /** Run the same thing again (a command in the CLI, Try again in the app). */
        RUN_AGAIN(true),
        WAIT_AND_RETRY, API_BASE_CHECK, KV_VALUE_LIMIT, PREFIX_FORM, INSTALL_NAME_FORM, INSTALLS_HERE, NO_INSTALLS_HERE,
        KEYCHAIN_UNLOCK,
        // the SDK's failures (talking to an engine)
        /** Start the engine (the local one: {@code arcrun local start} in the CLI, the home page in the app). */
        SDK_START_ENGINE(true),
        /** Use an app and an engine of the same version (update). */
        SDK_UPDATE(true),
        /** Give the engine's keys, or use the install that keeps them. */
        SDK_GIVE_KEY(true),
        /** Give the engine's URL, or install an engine. */
        SDK_GIVE_URL(true),
        /** The install's keys stay with its engine: give this engine's key, or talk to the install's engine. */
        SDK_KEY_ELSEWHERE(true),
        SDK_RETRY, SDK_URL_FORM, SDK_USE_HTTPS, SDK_SECRET_ONCE, SDK_SECRETS_EXPECTED, SDK_WORKFLOW_NAME,
        // deploy, toolchain and local engine (facts-deploy)
        CHECK_WORKER_NAMES, EXTRACT_AGAIN, PROGRAM_INSTALLED, START_AGAIN, CHECK_INTERNET_AND_LINES, DELETE_TOOLS,
        SET_NPM_REGISTRY, INSTALL_NODE, REGISTRY_REAL_PACKAGES, REGISTRY_OFFICIAL, LOCAL_ENGINE_OUTPUT, LOCAL_SLOW_START,
        BUILD_WITH_ENGINE;

        private final boolean action;

        Code() {
            this(false);
        }

        Code(boolean action) {
            this.action = action;
        }

        /** Whether each face words this itself (it names something done in that face). */
        public boolean action() {
            return action;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
