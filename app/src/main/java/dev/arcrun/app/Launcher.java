package dev.arcrun.app;

import java.util.Optional;

/** Plain main class so the app starts from a classpath jar without the JavaFX launcher checks. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Optional<String> missing = SystemNeeds.missingHere();
        if (missing.isPresent()) fail(missing.get());
        try {
            javafx.application.Application.launch(ArcrunApp.class, args);
        } catch (RuntimeException | Error e) {
            Optional<String> why = SystemNeeds.explain(e);
            if (why.isEmpty()) throw e;
            fail(why.get());
        }
    }

    private static void fail(String line) {
        System.err.println(line);
        System.exit(1);
    }
}
