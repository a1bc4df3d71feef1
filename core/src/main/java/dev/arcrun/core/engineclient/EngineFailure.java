package dev.arcrun.core.engineclient;

import dev.arcrun.sdk.EngineApiException;
import dev.arcrun.sdk.ServiceTestResult;
import dev.arcrun.sdk.StepError;
import dev.arcrun.sdk.TraceStep;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Why the engine refused something or a run failed, as a fact for the faces: the engine's code, its own message
 * ({@code detail}, English, credentials already redacted by the engine; quoted only by sentences that need it), the
 * service involved (its id, and the name people know it by when a face looked it up) and the host a step tried to
 * reach, each null when unknown.
 */
public record EngineFailure(EngineErrorCode code, String wireCode, String detail, String service, String serviceName,
                            String host) {

    /** The failure of a run: its error and, from the failing step's trace line, the service and the host. */
    public static EngineFailure ofRun(StepError error, List<TraceStep> trace) {
        TraceStep step = trace.stream().filter(t -> error.step() != null && error.step().equals(t.step())).findFirst()
                .orElse(null);
        String service = step == null ? null : step.service();
        String host = step == null || step.input() == null ? null : hostPort(step.input().path("url").asText(null));
        return new EngineFailure(EngineErrorCode.of(error.code()), error.code(), clean(error.message()), service, null, host);
    }

    /** A service's test call that did not succeed. */
    public static EngineFailure ofServiceTest(ServiceTestResult result) {
        StepError e = result.error();
        String wire = e == null ? null : e.code();
        return new EngineFailure(EngineErrorCode.of(wire), wire, e == null ? "" : clean(e.message()), result.service(), null, null);
    }

    /** The engine's refusal of an API call. */
    public static EngineFailure of(EngineApiException e) {
        return new EngineFailure(EngineErrorCode.of(e.code()), e.code(), clean(e.engineMessage()), null, null, null);
    }

    public EngineAdvice advice() {
        return code.advice();
    }

    /** The same failure with the service's name as people know it ("GitHub" for {@code github}). */
    public EngineFailure withServiceName(String displayName) {
        return displayName == null || displayName.isBlank() ? this
                : new EngineFailure(code, wireCode, detail, service, displayName, host);
    }

    /**
     * The catalog key: {@code engine.error.<code>}, or its {@code .unnamed} form when the sentence would name a
     * service or host that is not known.
     */
    public String messageKey() {
        boolean unnamed = switch (code) {
            case CREDENTIAL_MISSING, HOST_NOT_ALLOWED, INSECURE_URL, TEST_CALL_REFUSED, INVALID_CREDENTIAL -> service == null;
            case PRIVATE_HOST_REFUSED -> host == null;
            default -> false;
        };
        return code.messageKey() + (unnamed ? ".unnamed" : "");
    }

    /**
     * A face's catalog key for the advice: {@code prefix + advice}, or its {@code .unnamed} form when the advice
     * would name a service or host that is not known.
     */
    public String adviceKey(String prefix) {
        boolean unnamed = switch (advice()) {
            case SET_UP_SERVICE, CHECK_SERVICE -> service == null;
            case ALLOW_PRIVATE_HOST -> host == null;
            default -> false;
        };
        return prefix + advice().name().toLowerCase(Locale.ROOT) + (unnamed ? ".unnamed" : "");
    }

    /**
     * The catalogs' arguments: {0} the engine's message, {1} the service's name (its id when no name was looked up),
     * {2} the host:port, {3} the engine's code, {4} the service's id (for commands).
     */
    public Object[] args() {
        return new Object[] {orEmpty(detail), serviceName != null ? serviceName : orEmpty(service), orEmpty(host),
                orEmpty(wireCode), orEmpty(service)};
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** host:port of an http(s) URL (the scheme's default port filled in), or null. */
    static String hostPort(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = URI.create(url.strip());
            if (u.getHost() == null || u.getScheme() == null) {
                return null;
            }
            int port = u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
            return u.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The engine's messages are sentences; ours embed them, so their final period goes. */
    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        String t = message.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
