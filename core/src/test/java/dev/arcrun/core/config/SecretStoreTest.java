package dev.arcrun.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {
    private static final String TOKEN = "cf-token-SECRET-1234567890";
    private static final String API_KEY = "ak_SECRET_abcdefghijklmnop";

    @TempDir Path root;

    private AppHome home() {
        return new AppHome(root);
    }

    private static Keychain.Opener failing(String why) {
        return () -> {
            throw new Keychain.KeychainException(KeychainProblem.Reason.NO_BACKEND, why);
        };
    }

    private static final dev.arcrun.core.i18n.Messages EN = new dev.arcrun.core.i18n.Messages(java.util.Locale.ENGLISH);
    private static final dev.arcrun.core.i18n.Messages ZH = new dev.arcrun.core.i18n.Messages(java.util.Locale.TRADITIONAL_CHINESE);

    @Test
    void fileStoreKeepsSecretsInAnOwnerOnlyFileInAnOwnerOnlyFolder() throws IOException {
        SecretStore store = SecretStores.open(home(), Map.of(), failing("no backend"), Duration.ofSeconds(5));
        store.put("default", SecretKind.CLOUDFLARE_TOKEN, TOKEN);
        store.put("default", SecretKind.API_KEY, API_KEY);

        assertThat(store.get("default", SecretKind.CLOUDFLARE_TOKEN)).contains(TOKEN);
        assertThat(store.get("default", SecretKind.ENCRYPTION_KEY)).isEmpty();
        assertThat(store.get("other", SecretKind.API_KEY)).isEmpty();

        Path file = ((FileSecretStore) store).file("default");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(store.toString()).doesNotContain(TOKEN, API_KEY);

        store.delete("default", SecretKind.CLOUDFLARE_TOKEN);
        assertThat(store.get("default", SecretKind.CLOUDFLARE_TOKEN)).isEmpty();
        assertThat(store.get("default", SecretKind.API_KEY)).contains(API_KEY);
        store.deleteAll("default");
        assertThat(file).doesNotExist();
    }

    @Test
    void aWiderSecretsFolderIsTightened() throws IOException {
        Path folder = FileSecretStore.folderOf(home());
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        new FileSecretStore(home(), "test").put("default", SecretKind.API_KEY, API_KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void withoutAKeychainTheStoreSaysSoAndWhy() {
        SecretStore store = SecretStores.open(home(), Map.of(), failing("D-Bus not running"), Duration.ofSeconds(5));
        assertThat(store.location().inKeychain()).isFalse();
        assertThat(store.location()).isInstanceOfSatisfying(SecretLocation.File.class,
                f -> assertThat(f.why()).isEqualTo(new KeychainProblem(KeychainProblem.Reason.NO_BACKEND, "D-Bus not running")));
        String folder = FileSecretStore.folderOf(home()).toString();
        assertThat(EN.word(store.location())).isEqualTo("a file only you can read, in " + folder
                + " (not in a keychain: no keychain is available on this computer)"); // not the library's own English words
        assertThat(ZH.word(store.location())).isEqualTo("只有您能讀取的檔案（位於 " + folder
                + "；未使用鑰匙圈：這台電腦上沒有可用的鑰匙圈）");
    }

    @Test
    void envForcesTheFileWithoutTouchingTheKeychain() {
        SecretStore store = SecretStores.open(home(), Map.of("ARCRUN_SECRET_STORE", "file"),
                () -> {
                    throw new AssertionError("the keychain must not be opened");
                }, Duration.ofSeconds(5));
        assertThat(store.location()).isInstanceOfSatisfying(SecretLocation.File.class,
                f -> assertThat(f.why().reason()).isEqualTo(KeychainProblem.Reason.FILE_ASKED));
        assertThat(EN.word(store.location())).asString().endsWith("(not in a keychain: ARCRUN_SECRET_STORE=file is set)");
    }

    @Test
    void aKeychainThatHangsFallsBackToTheFileInTime() {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();
        SecretStore store = SecretStores.open(home(), Map.of(), () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new Keychain.KeychainException(KeychainProblem.of(KeychainProblem.Reason.INTERRUPTED));
        }, Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(store.location()).isInstanceOfSatisfying(SecretLocation.File.class,
                f -> assertThat(f.why().reason()).isEqualTo(KeychainProblem.Reason.TIMED_OUT));
        assertThat(EN.word(store.location())).asString().contains("the keychain did not answer within 0.2 s (is it locked?)");
        assertThat(ZH.word(store.location())).asString().contains("鑰匙圈在 0.2 秒內沒有回應");
    }

    @Test
    void aKeychainThatLosesWhatItStoresIsNotTrusted() {
        Keychain forgetful = new MapKeychain() {
            @Override public Optional<String> get(String service, String account) {
                return Optional.empty();
            }
        };
        SecretStore store = SecretStores.open(home(), Map.of(), () -> forgetful, Duration.ofSeconds(5));
        assertThat(store.location().inKeychain()).isFalse();
        assertThat(((SecretLocation.File) store.location()).why().reason()).isEqualTo(KeychainProblem.Reason.NOT_GIVEN_BACK);
    }

    @Test
    void aKeychainThatRefusesAWriteSaysWhichSecretInTheUsersLanguageWithoutTheSecret() {
        MapKeychain keychain = new MapKeychain();
        SecretStore store = SecretStores.open(home(), Map.of(), () -> keychain, Duration.ofSeconds(5));
        keychain.refuse = true;
        assertThatThrownBy(() -> store.put("default", SecretKind.API_KEY, API_KEY))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.failure()).isEqualTo(dev.arcrun.core.Failure.of(dev.arcrun.core.Failure.Code.KEYCHAIN_STORE_FAILED,
                            SecretKind.API_KEY, KeychainKind.SECRET_SERVICE,
                            new KeychainProblem(KeychainProblem.Reason.REFUSED, "PasswordAccessException")));
                    assertThat(EN.render(e.failure())).isEqualTo("Could not store the engine API key in the Secret Service "
                            + "keyring: the keychain refused (PasswordAccessException).");
                    assertThat(ZH.render(e.failure())).isEqualTo("無法將引擎 API 金鑰存入Secret Service 鑰匙圈：鑰匙圈拒絕了操作"
                            + "（PasswordAccessException）。");
                    assertThat(ZH.render(e.adviceFact())).contains("ARCRUN_SECRET_STORE=file");
                    assertThat(e.getMessage() + e.advice()).doesNotContain(API_KEY);
                });
    }

    @Test
    void aWorkingKeychainIsUsedAndEarlierFileSecretsStillRead() {
        new FileSecretStore(home(), "earlier").put("default", SecretKind.ENCRYPTION_KEY, "enc-from-file");
        MapKeychain keychain = new MapKeychain();

        SecretStore store = SecretStores.open(home(), Map.of(), () -> keychain, Duration.ofSeconds(5));
        assertThat(store.location().inKeychain()).isTrue();
        assertThat(store.location()).isEqualTo(new SecretLocation.Keychain(KeychainKind.SECRET_SERVICE));
        assertThat(ZH.word(store.location())).isEqualTo("Secret Service 鑰匙圈");
        assertThat(keychain.entries).as("the probe cleans up").isEmpty();

        store.put("default", SecretKind.API_KEY, API_KEY);
        assertThat(keychain.entries).containsEntry("arcrun|default/api-key", API_KEY);
        assertThat(store.get("default", SecretKind.ENCRYPTION_KEY)).contains("enc-from-file");

        store.put("default", SecretKind.ENCRYPTION_KEY, "enc-now-in-keychain");
        assertThat(new FileSecretStore(home(), "").get("default", SecretKind.ENCRYPTION_KEY)).isEmpty();
        store.deleteAll("default");
        assertThat(keychain.entries).isEmpty();
    }

    /**
     * The real OS keychain through java-keyring, round-tripped only when a developer asks for it
     * ({@code ARCRUN_TEST_REAL_KEYCHAIN=1}): a test run must not write into the keychain of the person running it.
     */
    @Test
    @EnabledIfEnvironmentVariable(named = "ARCRUN_TEST_REAL_KEYCHAIN", matches = "1")
    void realKeychainRoundTrips() {
        SecretStore store = SecretStores.open(home(), Map.of(), JavaKeyringKeychain::open, SecretStores.PROBE_TIMEOUT);
        assertThat(store.location().inKeychain()).as("ARCRUN_TEST_REAL_KEYCHAIN=1 needs a working keychain").isTrue();
        String install = "arcrun-test-" + ProcessHandle.current().pid();
        try {
            store.put(install, SecretKind.API_KEY, API_KEY);
            assertThat(store.get(install, SecretKind.API_KEY)).contains(API_KEY);
        } finally {
            store.deleteAll(install);
        }
        assertThat(store.get(install, SecretKind.API_KEY)).isEmpty();
    }

    /** Where java-keyring finds no keychain (a build machine, CI), the decision is the file, with java-keyring's reason. */
    @Test
    void withoutARealKeychainTheFallbackIsHonest() {
        boolean keychainAvailable;
        try {
            JavaKeyringKeychain.open();
            keychainAvailable = true;
        } catch (Keychain.KeychainException e) {
            keychainAvailable = false;
        }
        Assumptions.assumeFalse(keychainAvailable, "this computer has a keychain: nothing is written to it by tests");
        SecretStore store = SecretStores.open(home(), Map.of(), JavaKeyringKeychain::open, SecretStores.PROBE_TIMEOUT);
        assertThat(store.location()).isInstanceOfSatisfying(SecretLocation.File.class,
                f -> assertThat(f.why().reason()).isIn(KeychainProblem.Reason.NO_BACKEND, KeychainProblem.Reason.FAILED,
                        KeychainProblem.Reason.REFUSED, KeychainProblem.Reason.TIMED_OUT, KeychainProblem.Reason.NOT_GIVEN_BACK));
        store.put("default", SecretKind.API_KEY, API_KEY);
        assertThat(store.get("default", SecretKind.API_KEY)).contains(API_KEY);
    }

    @Test
    void secretsNeverLandInTheConfigYaml() throws IOException {
        SecretStore secrets = new FileSecretStore(home(), "test");
        secrets.put("default", SecretKind.CLOUDFLARE_TOKEN, TOKEN);
        secrets.put("default", SecretKind.API_KEY, API_KEY);
        new InstallConfigStore(home()).save(InstallConfigStoreTest.full());

        try (Stream<Path> files = Files.walk(home().installs())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).doesNotContain(TOKEN, API_KEY);
            }
        }
    }

    @Test
    void aDamagedSecretsFileIsReportedWithoutQuotingIt() throws IOException {
        FileSecretStore store = new FileSecretStore(home(), "test");
        store.put("default", SecretKind.API_KEY, API_KEY);
        Files.writeString(store.file("default"), "{\"api-key\": " + API_KEY + "}");

        assertThatThrownBy(() -> store.get("default", SecretKind.API_KEY))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains("cannot be read").doesNotContain(API_KEY);
                    assertThat(e.getCause()).isNull();
                });
    }

    /** An in-memory stand-in for the OS keychain, to test the choice and the layering, not the OS. */
    static class MapKeychain implements Keychain {
        final Map<String, String> entries = new HashMap<>();
        volatile boolean refuse;

        @Override public Optional<String> get(String service, String account) {
            return Optional.ofNullable(entries.get(service + "|" + account));
        }

        @Override public void set(String service, String account, String secret) throws KeychainException {
            if (refuse) {
                throw new KeychainException(KeychainProblem.Reason.REFUSED, "PasswordAccessException");
            }
            entries.put(service + "|" + account, secret);
        }

        @Override public void delete(String service, String account) {
            entries.remove(service + "|" + account);
        }

        @Override public KeychainKind kind() {
            return KeychainKind.SECRET_SERVICE;
        }
    }
}
