package dev.arcrun.sdk;

/** Nothing answered at the engine URL (connection refused, unknown host, connection reset). */
public final class EngineUnreachableException extends EngineException {
    private final String url;

    EngineUnreachableException(String url, String why) {
        super("The engine is not reachable at " + url + " (" + why + ").",
                "Start the local engine with `arcrun local start`, or check the URL (--api-url, ARCRUN_API_URL, "
                        + "or the install's config shown by `arcrun status`).");
        this.url = url;
    }

    public String url() {
        return url;
    }
}
