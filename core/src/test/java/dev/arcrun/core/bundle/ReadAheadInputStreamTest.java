package dev.arcrun.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The read-ahead stream feeds the extractor: whatever happens on its thread, the reader must never wait forever. */
class ReadAheadInputStreamTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @Test
    void deliversEveryByteInOrder() throws IOException {
        byte[] data = new byte[1_000_003];
        new Random(7).nextBytes(data);
        try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), 4096, 3)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void anErrorOnTheReadingThreadReachesTheCallerInsteadOfBlockingIt() {
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new OutOfMemoryError("inflater ran out of memory");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw new OutOfMemoryError("inflater ran out of memory");
            }
        };
        assertTimeoutPreemptively(PROMPTLY, () -> {
            try (InputStream in = new ReadAheadInputStream(failing, 4096, 3)) {
                assertThatThrownBy(in::read).isInstanceOf(IOException.class)
                        .hasRootCauseInstanceOf(OutOfMemoryError.class);
            }
        });
    }

    @Test
    void closingFromAnotherThreadFreesAReaderWaitingForASourceThatNeverAnswers() {
        CountDownLatch never = new CountDownLatch(1);
        InputStream stuck = new InputStream() {
            @Override
            public int read() throws IOException {
                return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    never.await(); // a source that hangs (a stalled disk or socket)
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("interrupted");
            }
        };
        ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();
        try {
            assertTimeoutPreemptively(PROMPTLY, () -> {
                InputStream in = new ReadAheadInputStream(stuck, 4096, 3);
                canceller.schedule(() -> { in.close(); return null; }, 200, TimeUnit.MILLISECONDS);
                assertThatThrownBy(in::read).isInstanceOf(IOException.class);
            });
        } finally {
            canceller.shutdownNow();
        }
    }
}
