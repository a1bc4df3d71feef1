package dev.arcrun.sdk;

/** Why a step (or, with {@code step} set, a run) failed: the engine's code and message, credentials redacted. */
public record StepError(String code, String message, String step) {
    @Override
    public String toString() {
        return (step == null ? "" : step + ": ") + message + " (" + code + ")";
    }
}
