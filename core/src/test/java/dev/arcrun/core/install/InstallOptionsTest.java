package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.config.Target;
import org.junit.jupiter.api.Test;

class InstallOptionsTest {
    private static InstallOptions withPrefix(String prefix) {
        return new InstallOptions(Target.CLOUDFLARE, null, null, prefix, null, null, null, false, false);
    }

    @Test
    void thePrefixNamesTheInstallAndItsWorkers() {
        assertThat(withPrefix(null).name()).isEqualTo("cloudflare");
        assertThat(withPrefix("team2-").name()).isEqualTo("cloudflare-team2");
        assertThat(WorkerNames.deployed("arcrun-registry", "team2-")).isEqualTo("team2-registry");
        assertThat(WorkerNames.deployed("arcrun-registry", "arcrun-")).isEqualTo("arcrun-registry");
    }

    @Test
    void aPrefixThatWouldLeaveTheEngineWorkersUnrenamedIsRefused() {
        for (String p : new String[] {"arcrun", "a", "arc"}) {
            assertThatThrownBy(() -> withPrefix(p)).as(p).isInstanceOf(UserFacingException.class)
                    .hasMessageContaining("too close to the default");
        }
        assertThat(withPrefix("arcade-").prefix()).isEqualTo("arcade-");
        assertThat(WorkerNames.deployed("arcrun-registry", "arcrun-team2-")).isEqualTo("arcrun-team2-registry");
    }
}
