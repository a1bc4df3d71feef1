package dev.arcrun.app.common;

import dev.arcrun.core.install.InstallEvent;

/** A download's numbers from core (the toolchain's Node.js and npm) as one line in the user's language. */
public final class TransferText {
    private TransferText() {}

    public static String of(I18n i18n, InstallEvent.Transfer t) {
        String rate = mib(i18n, t.bytesPerSecond());
        return t.total() > 0 ? i18n.get("cf.install.download.of", mib(i18n, t.bytes()), mib(i18n, t.total()), rate)
                : i18n.get("cf.install.download", mib(i18n, t.bytes()), rate);
    }

    private static String mib(I18n i18n, double bytes) {
        return String.format(i18n.locale(), "%.1f", bytes / (1024 * 1024));
    }
}
