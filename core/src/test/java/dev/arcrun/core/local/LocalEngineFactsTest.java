package dev.arcrun.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.deploy.LogLine;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.install.Note;
import dev.arcrun.sdk.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the local engine tells the user, as facts the faces word: its refusals and its own log lines. */
class LocalEngineFactsTest {

    @TempDir
    Path tmp;

    @Test
    void keysAKeyNeverHasAreRefusedBeforeTheEngineSeesThemAndItsLinesAreNotes() throws Exception {
        Path engineDir = Files.createDirectories(tmp.resolve("engine/workers/cypher-executor")).getParent().getParent();
        LocalEngine engine = new LocalEngine(new AppHome(tmp.resolve("home")), ToolchainManager.forTests());
        List<LogLine> lines = new ArrayList<>();
        LocalEngine.Keys odd = new LocalEngine.Keys(Secret.of("key$HOME"), Secret.of("enc"));

        assertThatThrownBy(() -> engine.start(engineDir, odd, lines::add, Duration.ofSeconds(5), new Cancellation()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.of(Failure.Code.KEYS_INVALID_CHARACTERS));
                    assertThat(e.adviceFact()).isEqualTo(Advice.of(Advice.Code.REINSTALL));
                    assertThat(e.getMessage()).doesNotContain("key$HOME");
                });
        assertThat(engineDir.resolve("workers/cypher-executor/.dev.vars")).doesNotExist();
        assertThat(lines).filteredOn(l -> l.note().isPresent()).first()
                .satisfies(l -> assertThat(l.note().get()).isEqualTo(Note.of(Note.Code.LOCAL_CHECKING_TOOLCHAIN)))
                .satisfies(l -> assertThat(l.text()).as("the log file's English").isEqualTo("Checking the private toolchain (node and wrangler)…"));
    }

    @Test
    void anEngineThatCannotBeUnpackedSaysWhere() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("local"), "a file where the folder should be");
        assertThatThrownBy(() -> EngineSource.unpack(notAFolder))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.failure().code()).isEqualTo(Failure.Code.BUILTIN_UNPACK_FAILED);
                    assertThat(e.failure().args().getFirst()).isEqualTo(notAFolder);
                    assertThat(e.adviceFact().code()).isEqualTo(Advice.Code.FOLDER_WRITABLE);
                });
    }
}
