package dev.arcrun.core.engineclient;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every error code the engine can send (in an API error or a run's trace), with what a person can do about it.
 * Core's catalog words each as {@code engine.error.<code>}; a test scans the engine's TypeScript so that a new code
 * cannot ship without its sentence. Codes this arcrun does not know (a newer engine) are {@link #OTHER}.
 */
public enum EngineErrorCode {
    ALREADY_REGISTERED(EngineAdvice.NONE),
    API_ERROR(EngineAdvice.CHECK_SERVICE),
    API_RECIPE_NOT_FOUND(EngineAdvice.CHECK_NAME),
    BINARY_MISMATCH(EngineAdvice.UPDATE),
    BINARY_UNAVAILABLE(EngineAdvice.RETRY),
    BINDING_ONLY(EngineAdvice.UPDATE),
    BUILTIN_HOSTS_WIDENED(EngineAdvice.NONE),
    COMPONENT_NOT_FOUND(EngineAdvice.CHECK_NAME),
    CREDENTIAL_MISSING(EngineAdvice.SET_UP_SERVICE),
    CREDENTIAL_NOT_FOUND(EngineAdvice.CHECK_NAME),
    CREDENTIAL_TOO_SHORT(EngineAdvice.NONE),
    CREDENTIAL_UNDECRYPTABLE(EngineAdvice.REINSTALL),
    HOST_NOT_ALLOWED(EngineAdvice.FIX_WORKFLOW),
    INSECURE_URL(EngineAdvice.FIX_WORKFLOW),
    INTERNAL_ERROR(EngineAdvice.RETRY),
    INVALID_API_RECIPE(EngineAdvice.NONE),
    INVALID_COMPONENT(EngineAdvice.NONE),
    INVALID_CREDENTIAL(EngineAdvice.SET_UP_SERVICE),
    INVALID_FOREACH(EngineAdvice.FIX_WORKFLOW),
    INVALID_INPUT(EngineAdvice.FIX_INPUT),
    INVALID_JSON(EngineAdvice.NONE),
    INVALID_PATH(EngineAdvice.FIX_WORKFLOW),
    INVALID_RECIPE(EngineAdvice.NONE),
    INVALID_SETTINGS(EngineAdvice.NONE),
    INVALID_URL(EngineAdvice.FIX_WORKFLOW),
    INVALID_WORKFLOW(EngineAdvice.FIX_WORKFLOW),
    JSON_TOO_DEEP(EngineAdvice.FIX_INPUT),
    KEYS_MISCONFIGURED(EngineAdvice.REINSTALL),
    METHOD_NOT_ALLOWED(EngineAdvice.UPDATE),
    MISSING_INPUT(EngineAdvice.FIX_INPUT),
    NO_TEST_CALL(EngineAdvice.NONE),
    NOT_FOUND(EngineAdvice.UPDATE),
    NOT_REGISTERED(EngineAdvice.REINSTALL),
    OUTPUT_FAILED(EngineAdvice.FIX_WORKFLOW),
    PAYLOAD_TOO_LARGE(EngineAdvice.FIX_INPUT),
    PRIVATE_HOST_REFUSED(EngineAdvice.ALLOW_PRIVATE_HOST),
    RECIPE_HAS_CREDENTIALS(EngineAdvice.NONE),
    RECIPE_NOT_FOUND(EngineAdvice.CHECK_NAME),
    REGISTER_DISABLED(EngineAdvice.NONE),
    REGISTRY_UNAVAILABLE(EngineAdvice.RETRY),
    REQUEST_FAILED(EngineAdvice.RETRY),
    RUN_DEPTH_EXCEEDED(EngineAdvice.FIX_WORKFLOW),
    RUN_NOT_FOUND(EngineAdvice.CHECK_NAME),
    SECRET_WITHOUT_SERVICE(EngineAdvice.FIX_WORKFLOW),
    STEP_FAILED(EngineAdvice.RETRY),
    TEMPLATE_FAILED(EngineAdvice.FIX_WORKFLOW),
    TEST_CALL_REFUSED(EngineAdvice.CHECK_SERVICE),
    TOKEN_EXCHANGE_FAILED(EngineAdvice.CHECK_SERVICE),
    UNAUTHORIZED(EngineAdvice.NONE),
    UNKNOWN_COMPONENT(EngineAdvice.FIX_WORKFLOW),
    UNKNOWN_SECRET(EngineAdvice.FIX_WORKFLOW),
    UNKNOWN_SERVICE(EngineAdvice.FIX_WORKFLOW),
    WASM_FAILED(EngineAdvice.FIX_INPUT),
    WORKFLOW_NOT_FOUND(EngineAdvice.CHECK_NAME),
    /** A code this arcrun does not know: its sentence shows the engine's own message. */
    OTHER(EngineAdvice.NONE);

    private static final Map<String, EngineErrorCode> BY_WIRE = Arrays.stream(values()).filter(c -> c != OTHER)
            .collect(Collectors.toUnmodifiableMap(EngineErrorCode::wire, Function.identity()));

    /** Codes whose sentence quotes the engine's own message ({0}): only it says what exactly is wrong. */
    private static final EnumSet<EngineErrorCode> DETAILED = EnumSet.of(API_ERROR, CREDENTIAL_TOO_SHORT,
            INVALID_API_RECIPE, INVALID_COMPONENT, INVALID_CREDENTIAL, INVALID_FOREACH, INVALID_INPUT, INVALID_JSON,
            INVALID_PATH, INVALID_RECIPE, INVALID_SETTINGS, INVALID_URL, INVALID_WORKFLOW, MISSING_INPUT, OUTPUT_FAILED,
            REQUEST_FAILED, TEMPLATE_FAILED, TEST_CALL_REFUSED, TOKEN_EXCHANGE_FAILED, UNKNOWN_COMPONENT, UNKNOWN_SECRET,
            UNKNOWN_SERVICE, WASM_FAILED, OTHER);

    private final EngineAdvice advice;

    EngineErrorCode(EngineAdvice advice) {
        this.advice = advice;
    }

    /** The code as the engine sends it ({@code credential_missing}). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public EngineAdvice advice() {
        return advice;
    }

    /** Whether its sentence quotes the engine's message (so a face puts its advice after it, not inside). */
    public boolean detailed() {
        return DETAILED.contains(this);
    }

    /** The catalog key of its sentence. */
    public String messageKey() {
        return "engine.error." + wire();
    }

    public static EngineErrorCode of(String wire) {
        return wire == null ? OTHER : BY_WIRE.getOrDefault(wire, OTHER);
    }
}
