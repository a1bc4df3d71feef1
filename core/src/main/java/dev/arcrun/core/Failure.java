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
        // bundle fetch: extraction, discovery, sources, the resources file
        BUNDLE_DEST_NO_PARENT, BUNDLE_DEST_NOT_FOLDER, BUNDLE_DEST_NOT_EMPTY, BUNDLE_EXTRACT_FAILED,
        BUNDLE_NO_WORKER, BUNDLE_FOLDER_UNREADABLE, BUNDLE_WORKER_UNNAMED, BUNDLE_BINDING_INCOMPLETE, BUNDLE_WORKER_TWICE,
        BUNDLE_SERVICE_UNKNOWN, BUNDLE_CYCLE, MANIFEST_INVALID, MANIFEST_INVALID_AT, MANIFEST_UNREADABLE, MANIFEST_EMPTY,
        MANIFEST_SECRET_NAME, MANIFEST_SEED_FOLDER, BUNDLE_SHA_MISMATCH, BUNDLE_UNREADABLE, BUILTIN_MISSING,
        BUILTIN_UNPACK_FAILED, SOURCE_MISSING, SOURCE_URL_INVALID, SOURCE_URL_NO_HOST, SOURCE_GITHUB_FORM, SOURCE_UNKNOWN,
        RESOURCES_EMPTY, RESOURCES_KV_INCOMPLETE, RESOURCES_R2_INCOMPLETE, RESOURCES_INVALID, RESOURCES_INVALID_AT,
        RESOURCES_UNREADABLE, SHA256_INVALID,
        // bundle download: what stopped it, and why an attempt was tried again (the value of DOWNLOAD_FAILED, DOWNLOAD_DROPPED)
        DOWNLOAD_WRITE_FAILED, DOWNLOAD_SHA_MISMATCH, DOWNLOAD_FAILED, DOWNLOAD_STATUS, DOWNLOAD_WEB_PAGE, DOWNLOAD_NOT_FOUND,
        DOWNLOAD_FORBIDDEN, DOWNLOAD_HTTP_ERROR, DOWNLOAD_NO_LOCATION, DOWNLOAD_BAD_REDIRECT, DOWNLOAD_INSECURE_REDIRECT,
        DOWNLOAD_TOO_MANY_REDIRECTS, DOWNLOAD_SERVER_BUSY, DOWNLOAD_NOT_RESUMED, DOWNLOAD_CUT_SHORT, DOWNLOAD_DROPPED,
        DOWNLOAD_DROPPED_OF, DOWNLOAD_STALLED, DOWNLOAD_TIMED_OUT, DOWNLOAD_REFUSED, DOWNLOAD_CONNECTION_FAILED, DOWNLOAD_IO,
        // config injection
        WRANGLER_CONFIG_UNREADABLE, WRANGLER_CONFIG_EMPTY, WRANGLER_CONFIG_INVALID, WRANGLER_CONFIG_INVALID_AT, KV_NOT_PROVISIONED,
        R2_NOT_PROVISIONED, WRANGLER_CONFIG_UNWRITABLE,
        // cloudflare calls, installs' configs and secrets (facts-cfconfig)
        CLOUDFLARE_REFUSED, CLOUDFLARE_NOT_API, CLOUDFLARE_RATE_LIMITED, CLOUDFLARE_GAVE_UP, CLOUDFLARE_STOPPED,
        CLOUDFLARE_CURSOR_REPEATED, KV_NAMESPACE_NOT_LISTED, KV_VALUE_TOO_LARGE, PREFIX_INVALID, NO_SUCH_INSTALL,
        INSTALL_NAME_INVALID, KEYCHAIN_READ_FAILED, KEYCHAIN_STORE_FAILED, KEYCHAIN_DELETE_FAILED,
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
