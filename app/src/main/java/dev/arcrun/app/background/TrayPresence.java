package dev.arcrun.app.background;

import java.awt.AWTException;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.util.Optional;

/**
 * The AWT side of the tray, and nothing else: {@link SystemTray} where the system has one. What the icon means and
 * when it shows is {@link KeepRunning}'s, which is tested without AWT.
 */
public final class TrayPresence implements Tray {
    public static final TrayPresence AWT = new TrayPresence();

    private TrayPresence() {}

    /** Whether this system shows tray icons (false when headless). */
    public static boolean available() {
        try {
            return !java.awt.GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError noAwt) {
            return false;
        }
    }

    @Override
    public boolean supported() {
        return available();
    }

    /** {@code open} and {@code stop} run on AWT's thread. */
    @Override
    public Optional<Icon> show(String tooltip, String openLabel, String stopLabel, Runnable open, Runnable stop) {
        if (!available()) {
            return Optional.empty();
        }
        Image image = Toolkit.getDefaultToolkit().createImage(TrayPresence.class.getResource("tray.png"));
        PopupMenu menu = new PopupMenu();
        MenuItem openItem = new MenuItem(openLabel);
        openItem.addActionListener(e -> open.run());
        MenuItem stopItem = new MenuItem(stopLabel);
        stopItem.addActionListener(e -> stop.run());
        menu.add(openItem);
        menu.add(stopItem);
        TrayIcon icon = new TrayIcon(image, tooltip, menu);
        icon.setImageAutoSize(true);
        icon.addActionListener(e -> open.run()); // a double click opens, as with other tray icons
        try {
            SystemTray.getSystemTray().add(icon);
            return Optional.of(() -> SystemTray.getSystemTray().remove(icon));
        } catch (AWTException | RuntimeException refused) {
            return Optional.empty();
        }
    }
}
