package dev.arcrun.cli.engine;

import dev.arcrun.cli.engine.EngineCommandsOfflineTest.Result;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Runs the in-process CLI with this text on stdin. */
final class Stdin {
    private Stdin() {}

    static Result withStdin(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return EngineCommandsOfflineTest.run(args);
        } finally {
            System.setIn(before);
        }
    }
}
