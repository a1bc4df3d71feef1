package dev.arcrun.core.install;

import java.util.Locale;

/** The install pipeline's steps, in the order they run. Their titles are in core's catalog ({@code step.} + id). */
public enum StepId {
    TOOLCHAIN, VERIFY, PROVISION, SUBDOMAIN, FETCH, DISCOVER, INJECT, KEYS, DEPLOY, START, SEED, CONFIG, CHECK;

    /** The step of this name, if it is still one (a config of an older version may name a step that is gone). */
    public static java.util.Optional<StepId> parse(String name) {
        for (StepId id : values()) {
            if (id.name().equals(name)) return java.util.Optional.of(id);
        }
        return java.util.Optional.empty();
    }

    /** The language-free name ({@code toolchain}) used in catalog keys and {@code --json}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
