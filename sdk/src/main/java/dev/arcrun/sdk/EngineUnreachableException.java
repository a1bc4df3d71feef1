package dev.arcrun.sdk;

/** Nothing answered at the engine URL (connection refused, unknown host, connection reset). */
public final class EngineUnreachableException extends EngineException {
    private final String url;

    EngineUnreachableException(String url, String why) {
        super(Kind.ENGINE_UNREACHABLE, url, "The engine is not reachable at " + url + " (" + why + ").",
                "Start the engine, or check its URL (" + Arcrun.ENV_URL + ").");
        this.url = url;
    }

    public String url() {
        return url;
    }
}
