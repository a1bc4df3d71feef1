package dev.arcrun.app.shell;

import java.util.function.Supplier;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One entry of the sidebar: its id (the nav button is {@code #nav-<id>}), the i18n key of its label, its icon, and
 * how to build its view (built on first visit, then kept).
 */
public record Page(String id, String labelKey, Ikon icon, Supplier<Node> view) {}
