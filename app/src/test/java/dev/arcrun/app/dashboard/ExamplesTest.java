package dev.arcrun.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The gallery ships every example of the engine, each with a sample input its run form opens with. */
class ExamplesTest {
    @Test
    void everyEngineExampleIsInTheGalleryWithAnObjectAsSampleInput() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../engine/examples"))) {
            var shipped = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            assertThat(Examples.all()).extracting(Examples.Example::name).containsExactlyInAnyOrderElementsOf(shipped);
        }
        assertThat(Examples.all()).allSatisfy(e -> {
            assertThat(e.input().isObject()).as(e.name()).isTrue();
            assertThat(e.steps()).as(e.name()).isPositive();
        });
    }
}
