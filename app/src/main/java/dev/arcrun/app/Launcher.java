package dev.arcrun.app;

/** Plain main class so the app starts from a classpath jar without the JavaFX launcher checks. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        javafx.application.Application.launch(ArcrunApp.class, args);
    }
}
