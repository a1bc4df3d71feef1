package dev.arcrun.core.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Chooses where secrets go: the OS keychain when one answers a write/read/delete probe in time, otherwise an
 * owner-only file, with the reason in {@link SecretLocation.File#why()} so the user is told plainly.
 * {@code ARCRUN_SECRET_STORE=file} skips the keychain (CI, headless servers, tests).
 */
public final class SecretStores {
    public static final String ENV = "ARCRUN_SECRET_STORE";
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final String PROBE_ACCOUNT = "probe";

    private SecretStores() {}

    /** The store for this computer, from the real environment and the real keychain. */
    public static SecretStore open(AppHome home) {
        return open(home, System.getenv(), JavaKeyringKeychain::open, PROBE_TIMEOUT);
    }

    static SecretStore open(AppHome home, Map<String, String> env, Keychain.Opener opener, Duration timeout) {
        if ("file".equalsIgnoreCase(env.getOrDefault(ENV, "").trim())) {
            return new FileSecretStore(home, KeychainProblem.of(KeychainProblem.Reason.FILE_ASKED));
        }
        Probe probe = probe(opener, timeout);
        return probe.keychain() != null
                ? new KeychainSecretStore(probe.keychain(), new FileSecretStore(home, KeychainProblem.of(KeychainProblem.Reason.FILE_CHOSEN)))
                : new FileSecretStore(home, probe.failure());
    }

    /** Either a working keychain or why there is none. */
    private record Probe(Keychain keychain, KeychainProblem failure) {}

    /**
     * Opens the keychain and proves it works end to end. A locked Secret Service can block waiting for a prompt
     * nobody will answer, so the probe runs on a daemon thread with a deadline.
     */
    private static Probe probe(Keychain.Opener opener, Duration timeout) {
        FutureTask<Keychain> task = new FutureTask<>(() -> {
            Keychain k = opener.open();
            String value = "arcrun-probe-" + System.nanoTime();
            k.set(KeychainSecretStore.SERVICE, PROBE_ACCOUNT, value);
            Optional<String> back = k.get(KeychainSecretStore.SERVICE, PROBE_ACCOUNT);
            k.delete(KeychainSecretStore.SERVICE, PROBE_ACCOUNT);
            if (back.isEmpty() || !back.get().equals(value)) {
                throw new Keychain.KeychainException(KeychainProblem.Reason.NOT_GIVEN_BACK, k.kind());
            }
            return k;
        });
        Thread t = Thread.ofPlatform().daemon().name("arcrun-keychain-probe").unstarted(task);
        t.start();
        try {
            return new Probe(task.get(timeout.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            task.cancel(true);
            return new Probe(null, new KeychainProblem(KeychainProblem.Reason.TIMED_OUT, timeout));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            return new Probe(null, c instanceof Keychain.KeychainException k ? k.problem()
                    : new KeychainProblem(KeychainProblem.Reason.FAILED, c.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(null, KeychainProblem.of(KeychainProblem.Reason.INTERRUPTED));
        }
    }
}
