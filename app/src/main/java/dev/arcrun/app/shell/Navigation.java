package dev.arcrun.app.shell;

import java.util.function.Consumer;

/**
 * How a page leaves itself: show another page of the window by id, or open a web page in the user's browser.
 * Handed to view models as plain callbacks, so they never hold the window or a Node.
 */
public record Navigation(Consumer<String> showPage, Consumer<String> openInBrowser) {}
