package dev.arcrun.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.config.DeployedBundle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** "Newer" means another archive (sha256); its version only says whether that goes forward or back. */
class UpdateCandidateTest {
    private static final DeployedBundle RUNNING = new DeployedBundle("builtin", "1.9.0", "aa11", Instant.EPOCH);

    @Test
    void theSameArchiveIsNothingNewWhateverItsVersionSays() {
        assertThat(new UpdateCandidate("1.9.0", "AA11").against(RUNNING)).isEqualTo(UpdateCandidate.Verdict.SAME);
    }

    @Test
    void anotherArchiveIsNewerUnlessItsVersionIsLower() {
        assertThat(new UpdateCandidate("1.10.0", "bb22").against(RUNNING)).isEqualTo(UpdateCandidate.Verdict.NEWER);
        assertThat(new UpdateCandidate("1.9.0", "bb22").against(RUNNING)).as("a rebuild of the same version").isEqualTo(UpdateCandidate.Verdict.NEWER);
        assertThat(new UpdateCandidate("1.8.3", "bb22").against(RUNNING)).isEqualTo(UpdateCandidate.Verdict.OLDER);
    }

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(UpdateCandidate.compareVersions("1.10", "1.9")).isPositive();
        assertThat(UpdateCandidate.compareVersions("2.0.0", "2")).isZero();
        assertThat(UpdateCandidate.compareVersions("0.1.0", "0.2.0")).isNegative();
    }
}
