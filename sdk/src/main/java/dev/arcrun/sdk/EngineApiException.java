package dev.arcrun.sdk;

/**
 * The engine answered with an error: {@code {success:false, error:{code, message}}}. {@link #code()} is the engine's
 * machine-readable code (or {@code HTTP_<status>} when the body had none).
 */
public sealed class EngineApiException extends EngineException
        permits EngineApiException.ApiKeyRejected, EngineApiException.NotFound, EngineApiException.Conflict {
    private final int status;
    private final String code;
    private final String engineMessage;

    EngineApiException(int status, String code, String engineMessage, String message, String advice) {
        super(Kind.ENGINE_REFUSED, "", message, advice);
        this.status = status;
        this.code = code;
        this.engineMessage = engineMessage;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The engine's own message, as it sent it (secrets redacted). */
    public String engineMessage() {
        return engineMessage;
    }

    /** 401: the api key is missing or wrong. */
    public static final class ApiKeyRejected extends EngineApiException {
        /** The engine's code when it has no keys at all yet (a bare local start before {@code /register}). */
        public static final String NOT_REGISTERED = "not_registered";

        ApiKeyRejected(String code, String engineMessage, String url) {
            super(401, code, engineMessage, NOT_REGISTERED.equals(code)
                            ? "The engine at " + url + " has no api key yet (" + engineMessage + ")."
                            : "The engine at " + url + " rejected the api key (" + engineMessage + ").",
                    NOT_REGISTERED.equals(code)
                            ? "Register the engine (POST /register, as an install does) and keep the keys it hands out."
                            : "Use the key the engine was given (" + Arcrun.ENV_API_KEY + ").");
        }
    }

    /** 404: no such credential, service, workflow or run. */
    public static final class NotFound extends EngineApiException {
        NotFound(String code, String engineMessage, String message) {
            super(404, code, engineMessage, message, "Check the name; the lists show what exists.");
        }
    }

    /** 409: e.g. {@code /register} after the keys were already handed out. */
    public static final class Conflict extends EngineApiException {
        Conflict(String code, String engineMessage, String message, String advice) {
            super(409, code, engineMessage, message, advice);
        }
    }
}
