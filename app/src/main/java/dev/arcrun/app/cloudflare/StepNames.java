package dev.arcrun.app.cloudflare;

import dev.arcrun.app.common.I18n;
import dev.arcrun.core.install.StepId;
import java.util.Locale;

/** A pipeline step's name in the user's language ({@code step.toolchain}, …). */
final class StepNames {
    private StepNames() {}

    static String of(StepId step, I18n i18n) {
        return i18n.get("step." + step.name().toLowerCase(Locale.ROOT));
    }
}
