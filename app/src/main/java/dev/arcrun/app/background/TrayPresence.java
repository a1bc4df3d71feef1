package dev.arcrun.app.background;

import dev.arcrun.app.common.I18n;
import java.awt.AWTException;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.util.Optional;

/**
 * The tray icon that stands for a local engine kept running after the window closed: Open shows the window again,
 * Stop stops the engine and quits. Only where the system has a tray (AWT {@link SystemTray}); elsewhere the
 * setting says the engine keeps running.
 */
public final class TrayPresence {
    private final TrayIcon icon;

    private TrayPresence(TrayIcon icon) {
        this.icon = icon;
    }

    /** Whether this system shows tray icons (false when headless). */
    public static boolean available() {
        try {
            return !java.awt.GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError noAwt) {
            return false;
        }
    }

    /**
     * Shows the icon; {@code open} and {@code stop} run on AWT's thread (hand them on to the FX thread).
     *
     * @return empty where there is no tray or it refused the icon
     */
    public static Optional<TrayPresence> show(I18n i18n, Runnable open, Runnable stop) {
        if (!available()) {
            return Optional.empty();
        }
        Image image = Toolkit.getDefaultToolkit().createImage(TrayPresence.class.getResource("tray.png"));
        PopupMenu menu = new PopupMenu();
        MenuItem openItem = new MenuItem(i18n.get("background.tray.open"));
        openItem.addActionListener(e -> open.run());
        MenuItem stopItem = new MenuItem(i18n.get("background.tray.stop"));
        stopItem.addActionListener(e -> stop.run());
        menu.add(openItem);
        menu.add(stopItem);
        TrayIcon icon = new TrayIcon(image, i18n.get("background.tray.tooltip"), menu);
        icon.setImageAutoSize(true);
        icon.addActionListener(e -> open.run()); // a double click opens, as with other tray icons
        try {
            SystemTray.getSystemTray().add(icon);
            return Optional.of(new TrayPresence(icon));
        } catch (AWTException | RuntimeException refused) {
            return Optional.empty();
        }
    }

    public void remove() {
        SystemTray.getSystemTray().remove(icon);
    }
}
