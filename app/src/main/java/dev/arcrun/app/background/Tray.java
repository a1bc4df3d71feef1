package dev.arcrun.app.background;

import java.util.Optional;

/**
 * The system tray as the keep-running logic needs it; {@link TrayPresence} is the thin AWT adapter, tests use their
 * own. {@code open} and {@code stop} may run on any thread.
 */
public interface Tray {
    /** Whether this system shows tray icons. */
    boolean supported();

    /** Shows the icon with Open and Stop; empty where there is no tray or it refused the icon. */
    Optional<Icon> show(String tooltip, String openLabel, String stopLabel, Runnable open, Runnable stop);

    interface Icon {
        void remove();
    }
}
