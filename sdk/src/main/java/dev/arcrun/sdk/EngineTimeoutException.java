package dev.arcrun.sdk;

import java.time.Duration;

/** The engine accepted the connection but did not answer in time. */
public final class EngineTimeoutException extends EngineException {
    EngineTimeoutException(String url, String what, Duration timeout) {
        super(Kind.ENGINE_TIMED_OUT, url, "The engine at " + url + " did not answer within " + human(timeout) + " (" + what + ").",
                "Try again; if it keeps happening, look at the engine's log (the Cloudflare dashboard shows a "
                        + "deployed engine's).");
    }

    static String human(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }
}
