package dev.arcrun.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLevelTest {

    @Test
    void npmAdvisoriesAreNoticesNotWarnings() {
        assertThat(LogLevel.of("npm warn EBADENGINE Unsupported engine { package: 'x', required: { node: '>=99' } }"))
                .isEqualTo(LogLevel.NOTICE);
        assertThat(LogLevel.of("npm WARN deprecated glob@7.2.3")).isEqualTo(LogLevel.NOTICE);
        assertThat(LogLevel.of("npm notice New major version of npm available!")).isEqualTo(LogLevel.NOTICE);
    }

    @Test
    void wranglerWarningsAndEveryErrorKeepTheirWeight() {
        assertThat(LogLevel.of("▲ [WARNING] The compatibility date is in the future")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.of("✘ [ERROR] Authentication error")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.of("npm error code ENOTFOUND")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.of("npm ERR! code E404")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.of("added 37 packages in 3s")).isEqualTo(LogLevel.INFO);
    }
}
