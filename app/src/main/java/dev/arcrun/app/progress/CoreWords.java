package dev.arcrun.app.progress;

import dev.arcrun.app.common.I18n;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.engineclient.EngineAdvice;
import dev.arcrun.core.engineclient.EngineFailure;
import dev.arcrun.core.engineclient.SdkFailures;
import dev.arcrun.core.i18n.Messages;
import dev.arcrun.core.install.Note;
import dev.arcrun.core.install.StepId;

/**
 * The app's words for core's facts: core's catalog for what happened, the app's own bundle for what to do
 * ({@linkplain Advice.Code#action() actions} name the app's buttons and pages, never a command line).
 */
public final class CoreWords {
    private final I18n i18n;
    private final Messages core;

    public CoreWords(I18n i18n) {
        this.i18n = i18n;
        this.core = i18n.core();
    }

    /** The app's own bundle, for the words a face adds around core's facts. */
    public I18n i18n() {
        return i18n;
    }

    public String step(StepId step) {
        return core.step(step);
    }

    public String failure(Failure f) {
        return core.render(f);
    }

    public String note(Note n) {
        return core.render(n);
    }

    /** A logged line: Arcrun's own in the user's language (its note), a tool's in the tool's own words. */
    public String line(dev.arcrun.core.install.InstallEvent.Log log) {
        return log.note().map(this::note).orElse(log.text());
    }

    /** The same for a line straight from core (the local engine's, the toolchain's). */
    public String line(dev.arcrun.core.deploy.LogLine line) {
        return line.note().map(this::note).orElse(line.text());
    }

    public String advice(Advice a) {
        if (!a.code().action()) {
            return core.render(a);
        }
        return i18n.get(a.key(), a.args().stream().map(core::word).toArray());
    }

    /** An engine failure: core's cause, then what to do here (a tab, a page), never a command. */
    public String engineFailure(EngineFailure failure) {
        String cause = core.render(failure);
        if (failure.advice() == EngineAdvice.NONE) {
            return i18n.get("engine.failure.plain", cause);
        }
        String advice = i18n.get(failure.adviceKey("engine.advice."), failure.args());
        return i18n.get(failure.code().detailed() ? "engine.failure.detailed" : "engine.failure.advised", cause, advice);
    }

    /** What a step's row says after the user stopped the run during it. */
    public String cancelledStep() {
        return i18n.get("cf.install.step.cancelled");
    }

    public String oneLine(UserFacingException e) {
        String advice = advice(e.adviceFact());
        return advice.isEmpty() ? failure(e.failure()) : failure(e.failure()) + " " + advice;
    }

    /** Any failure as one line: core's facts in words; another exception's own message (it is not ours to word). */
    public String text(Throwable failure) {
        Throwable t = failure;
        while (!(t instanceof dev.arcrun.sdk.ArcrunException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof UserFacingException u) {
            return oneLine(u);
        }
        if (t instanceof dev.arcrun.sdk.ArcrunException a) {
            // the SDK words its failures in English for developers; the app words their facts
            return SdkFailures.engineRefusal(a).map(this::engineFailure).orElseGet(() -> oneLine(SdkFailures.facts(a)));
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
