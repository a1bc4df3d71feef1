package dev.arcrun.core;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What went wrong, as a fact: a code and the values it names. Core never words it; each face renders it from core's
 * catalog ({@link dev.arcrun.core.i18n.Messages}, key {@link #key()}) in the user's language, and {@code --json}
 * gives {@link Code#id()} and the values.
 */
public record Failure(Code code, List<Object> args) {
    public Failure {
        Objects.requireNonNull(code);
        args = List.copyOf(args);
    }

    public static Failure of(Code code, Object... args) {
        return new Failure(code, Arrays.stream(args).map(a -> a == null ? "" : a).toList());
    }

    /** The catalog key: {@code failure.} + the code in lower case. */
    public String key() {
        return "failure." + code.id();
    }

    public enum Code {
        /** Text from a part of core not yet turned into facts (listed in the prose test); shown as it is. */
        UNWORDED,
        /** An error no rule expected; its technical message is the one value. */
        UNEXPECTED,
        CANCELLED,
        // token and account
        TOKEN_MISSING, TOKEN_UNUSABLE_ENV, TOKEN_FILE_MISSING, TOKEN_FILE_UNREADABLE, TOKEN_FILE_UNUSABLE,
        TOKEN_EXPIRED, TOKEN_DISABLED, TOKEN_UNKNOWN, MISSING_PERMISSION,
        ACCOUNT_TOKEN_CANNOT_LIST, NO_ACCOUNT, SEVERAL_ACCOUNTS, ACCOUNT_ID_INVALID, API_BASE_INVALID, API_BASE_NOT_HTTP, API_BASE_EXTRAS, NO_SUBDOMAIN,
        // installs
        NOTHING_TO_RESUME, TARGET_MISMATCH, NEVER_FINISHED, NOTHING_TO_UPDATE, NO_EARLIER_ENGINE, OLDEST_ENGINE, PREFIX_TOO_CLOSE,
        CONFIRMATION_MISMATCH, BUNDLE_MISSING, EARLIER_BUNDLE_MISSING, KEYS_MISSING, SECRET_NOT_PROVIDED,
        DEPLOY_FAILED, DEPLOY_FAILED_PARTLY, WORKER_FAILED, WORKER_FAILED_EXIT, WORKER_NOT_RUN, ENGINE_UNHEALTHY, ENGINE_NOT_ANSWERING, LOCAL_ENGINE_SILENT, SEED_NO_NAMESPACE, SEED_UNKNOWN_KIND, SEED_NO_ID,
        SEED_INVALID_JSON, SEED_FOLDER_UNREADABLE, INSTALL_NOT_LOCAL, SEVERAL_LOCAL_INSTALLS, NO_LOCAL_INSTALL,
        LOCAL_ENGINE_MISSING, LOCAL_KEYS_MISSING, NOT_REMOVED, SEVERAL_INSTALLS, SECRETS_FILE_UNREADABLE,
        // config
        CONFIG_DAMAGED,
        // bundles
        BUNDLE_REFUSED, BUNDLE_REFUSED_ENTRY,
        // the SDK's failures (talking to an engine): see engineclient.SdkFailures
        SDK_UNREACHABLE, SDK_STOPPED, SDK_NOT_WORKING, SDK_TIMED_OUT, SDK_ANSWER_UNKNOWN, SDK_URL_MISSING, SDK_URL_INVALID,
        SDK_PLAIN_HTTP, SDK_API_KEY_MISSING, SDK_API_KEY_WITHHELD, SDK_ENCRYPTION_KEY_MISSING, SDK_ENCRYPTION_KEY_WITHHELD,
        SDK_ENCRYPTION_KEY_INVALID, SDK_SECRET_TWICE, SDK_SECRET_UNKNOWN, SDK_SECRETS_MISSING, SDK_WORKFLOW_UNNAMED, SDK_OTHER;

        /** The language-free name used in catalog keys and {@code --json}: {@code missing_permission}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
