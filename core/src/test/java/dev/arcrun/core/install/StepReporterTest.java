package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StepReporterTest {
    private final List<InstallEvent> events = new ArrayList<>();

    @Test
    void aDownloadGoesOutAsNumbersWithItsFractionAndNoSentence() {
        StepReporter r = StepReporter.of(StepId.TOOLCHAIN, events::add, () -> false);
        r.transfer(new InstallEvent.Transfer(13_000_000, 52_000_000, 4_200_000));
        r.transfer(new InstallEvent.Transfer(1_000, -1, 500));

        assertThat(events).containsExactly(
                new InstallEvent.Progress(StepId.TOOLCHAIN, 0.25, "", Optional.of(new InstallEvent.Transfer(13_000_000, 52_000_000, 4_200_000))),
                new InstallEvent.Progress(StepId.TOOLCHAIN, -1, "", Optional.of(new InstallEvent.Transfer(1_000, -1, 500))));
    }

    @Test
    void otherProgressHasNoTransfer() {
        StepReporter.of(StepId.FETCH, events::add, () -> false).progress(0.5, "x");
        assertThat(events).containsExactly(new InstallEvent.Progress(StepId.FETCH, 0.5, "x", Optional.empty()));
    }
}
