package dev.arcrun.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlaceTest {
    @TempDir
    Path home;

    @Test
    void thePlaceIsKeptAcrossStartsInAFileOnlyTheOwnerReads() throws IOException {
        new WindowPlace(120, 80, 1300, 820, false, "dashboard").save(home);

        assertThat(WindowPlace.load(home)).contains(new WindowPlace(120, 80, 1300, 820, false, "dashboard"));
        if (home.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(home.resolve(WindowPlace.FILE)))).isEqualTo("rw-------");
        }
    }

    @Test
    void aFileWrittenByAnEarlierVersionStillOpensTheWindowThere() throws IOException {
        // what databind's ObjectMapper wrote for the record
        Files.writeString(home.resolve(WindowPlace.FILE),
                "{\"x\":120.0,\"y\":80.0,\"width\":1300.0,\"height\":820.0,\"maximized\":true,\"page\":\"cloudflare\"}");
        assertThat(WindowPlace.load(home)).contains(new WindowPlace(120, 80, 1300, 820, true, "cloudflare"));
        Files.writeString(home.resolve(WindowPlace.FILE), "{\"x\":1,\"y\":2,\"width\":900,\"height\":600,\"maximized\":false,\"page\":null}");
        assertThat(WindowPlace.load(home)).contains(new WindowPlace(1, 2, 900, 600, false, null));
    }

    @Test
    void aMissingOrDamagedFileMeansTheDefaultPlaceNotACrash() throws IOException {
        assertThat(WindowPlace.load(home)).isEmpty();
        Files.writeString(home.resolve(WindowPlace.FILE), "{\"x\": 10, \"y\": ");
        assertThat(WindowPlace.load(home)).isEmpty();
        Files.writeString(home.resolve(WindowPlace.FILE), "{\"x\":0,\"y\":0,\"width\":0,\"height\":0}");
        assertThat(WindowPlace.load(home)).isEmpty();
        Files.writeString(home.resolve(WindowPlace.FILE), "[1, 2]");
        assertThat(WindowPlace.load(home)).isEmpty();
    }

    @Test
    void aWindowLeftOnAScreenThatIsGoneIsNotPlacedOffScreen() {
        List<Rectangle2D> oneScreen = List.of(new Rectangle2D(0, 0, 1920, 1040));
        assertThat(new WindowPlace(100, 100, 1100, 700, false, "home").reachableOn(oneScreen)).isTrue();
        // it was on a second monitor to the right, now unplugged
        assertThat(new WindowPlace(2000, 100, 1100, 700, false, "home").reachableOn(oneScreen)).isFalse();
        // its title bar was above the top edge
        assertThat(new WindowPlace(100, -300, 1100, 700, false, "home").reachableOn(oneScreen)).isFalse();
    }
}
