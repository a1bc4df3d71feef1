package dev.arcrun.cli.engine;

import dev.arcrun.core.engineclient.EngineFailure;
import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.RunResult;
import java.util.Locale;

/** A failed run's reason in the CLI's words, naming the failing step's service as people know it ("GitHub"). */
final class RunFailures {
    private RunFailures() {}

    static String describe(EngineClient client, RunResult run, Locale locale) {
        EngineFailure f = EngineFailure.ofRun(run.error(), run.trace());
        if (f.service() != null) {
            try {
                f = f.withServiceName(client.services().recipe(f.service()).displayName());
            } catch (ArcrunException e) {
                // the service's id names it well enough
            }
        }
        return new EngineFailureText(locale).of(f);
    }
}
