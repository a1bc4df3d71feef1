package dev.arcrun.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in engine tarball the build packs from engine/: codeload-style, complete, nothing local in it. */
class EngineTarballTest {

    @TempDir
    Path dir;

    @Test
    void oneTopLevelFolderNamedByTheBundleVersionHoldingBothWorkers() throws Exception {
        String version = new ObjectMapper().readTree(Files.readString(Path.of("../engine/arcrun.bundle.json"))).path("version").asText();
        Map<String, TarArchiveEntry> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(EngineSource.tarball())))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) entries.put(e.getName(), e);
        }
        String top = "arcrun-engine-" + version + "/";
        assertThat(entries.keySet()).allMatch(name -> name.startsWith(top));
        assertThat(entries.keySet()).contains(top + "arcrun.bundle.json", top + "openapi.yaml",
                top + "workers/registry/wrangler.toml", top + "workers/cypher-executor/wrangler.toml",
                top + "components/wasm/text_upper/component.wasm", top + "components/wasm/word_count/component.wasm",
                top + "examples/hello.json", top + "seeds/auth-recipes/openai.json");
        assertThat(entries.keySet()).noneMatch(n -> n.contains("node_modules/") || n.contains(".wrangler/"));
        assertThat(entries.get(top + "scripts/build.mjs").getMode() & 0111).as("exec bits kept").isNotZero();
    }

    @Test
    void unpacksOnceWithoutTheTopFolderAndKeepsExecBits() throws Exception {
        Path root = EngineSource.unpack(dir);
        assertThat(root.resolve("workers/cypher-executor/wrangler.toml")).isRegularFile();
        assertThat(Files.isExecutable(root.resolve("scripts/build.mjs"))).isTrue();
        assertThat(EngineSource.unpack(dir)).isEqualTo(root);
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).containsExactly(root);
        }
    }
}
