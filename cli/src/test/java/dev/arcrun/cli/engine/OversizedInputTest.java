package dev.arcrun.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.cli.ChildCli;
import dev.arcrun.cli.InProcessCli;
import dev.arcrun.cli.install.InstallEnvironment;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.testkit.http.RecordingHttpServer;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MB workflow file or run input, given by mistake (a log, a dump), to a CLI with a small heap: one line naming
 * the limit, a usage exit, no hang and no OutOfMemoryError, and nothing reaches the engine or changes on disk.
 */
class OversizedInputTest {
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @TempDir Path root;
    @TempDir Path files;
    RecordingHttpServer engine;

    @BeforeEach
    void setUp() {
        engine = RecordingHttpServer.start();
        InProcessCli.installAt(new AppHome(root), "local", engine.baseUrl(), "arc_oversized_test_key");
    }

    @AfterEach
    void tearDown() {
        InstallEnvironment.reset();
        engine.close();
    }

    @Test
    void aFiftyMegabyteWorkflowFileIsRefusedInOneLine() throws Exception {
        Path big = bigJsonObject(files.resolve("workflow.json"), "{\"name\":\"big\",\"steps\":[],\"description\":\"");
        assertRefused("workflow.json", "a workflow file can be at most 1 MB", "workflows", "push", big.toString());
    }

    @Test
    void aFiftyMegabyteRunInputIsRefusedInOneLine() throws Exception {
        Path big = bigJsonObject(files.resolve("input.json"), "{\"text\":\"");
        assertRefused("input.json", "a run's input (--input-file) can be at most 1 MB",
                "workflows", "run", "hello", "--input-file", big.toString());
    }

    private void assertRefused(String fileName, String limit, String... args) throws Exception {
        Map<String, String> before = snapshot(root);
        Path out = files.resolve("out.txt");
        Path err = files.resolve("err.txt");
        Process child = ChildCli.builder(root, Map.of(), List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"), args)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the CLI ends; stderr:\n%s", ChildCli.read(err)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        String stderr = ChildCli.read(err);
        assertThat(child.exitValue()).as(stderr).isEqualTo(2);
        List<String> lines = stderr.lines().toList();
        assertThat(lines.getFirst()).startsWith("arcrun: ").contains(fileName, "52.4 MB", limit);
        assertThat(lines).as("one line, then the pointer to help").hasSize(2);
        assertThat(lines.get(1)).startsWith("See `arcrun workflows ");
        assertThat(stderr).doesNotContain("Exception", "OutOfMemory", "\tat ");
        assertThat(ChildCli.read(out)).isEmpty();
        assertThat(engine.requests()).as("nothing reached the engine").isEmpty();
        assertThat(snapshot(root)).as("nothing changed in the app folder").isEqualTo(before);
    }

    /** {@code prefix} + 50 MB of letters + {@code "}}: a valid JSON object, written without holding it in memory. */
    private static Path bigJsonObject(Path file, String prefix) throws IOException {
        char[] chunk = new char[64 * 1024];
        java.util.Arrays.fill(chunk, 'a');
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write(prefix);
            for (long n = 0; n < FIFTY_MB; n += chunk.length) {
                w.write(chunk);
            }
            w.write("\"}");
        }
        return file;
    }

    /** Every file under {@code dir} with its content, to compare before and after. */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return m;
    }
}
