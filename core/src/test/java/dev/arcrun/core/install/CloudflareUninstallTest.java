package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.JournalEntry;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.Target;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.RequestMatcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uninstalling a Cloudflare install whose bucket holds what the engine's registry put there: Cloudflare refuses to
 * delete a bucket with objects in it, so the uninstall empties it first — and when the bucket still refuses, says
 * so and keeps it in the journal so that running uninstall again finishes the job.
 */
class CloudflareUninstallTest {
    private static final dev.arcrun.core.i18n.Messages EN = new dev.arcrun.core.i18n.Messages(java.util.Locale.ENGLISH);
    private static final String BUCKET = "arcrun-components";

    @TempDir
    Path root;

    private StandInInstall world;
    private CloudflareStandIn cf;
    private AppHome home;
    private FileSecretStore secrets;
    private Installer installer;
    private final List<InstallEvent> events = new ArrayList<>();

    @BeforeEach
    void start() {
        world = StandInInstall.start(root);
        cf = world.cf();
        home = world.home();
        secrets = world.secrets();
        installer = world.installer();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private Uninstaller uninstaller() {
        return world.uninstaller();
    }

    /** As the registry does on first use of a component: copies its WASM binary into the bucket. */
    private void registryStores(String key) {
        assertThat(cf.state().putObject(cf.accountId(), BUCKET, key,
                "\0asm".getBytes(StandardCharsets.ISO_8859_1), "application/wasm")).isTrue();
    }

    @Test
    void theBucketIsEmptiedThenDeletedAndARefusalIsReportedAndFinishedByARerun() {
        cf.state().createBucket(cf.accountId(), "my-photos", "wnam", "Standard");
        cf.state().putObject(cf.accountId(), "my-photos", "holiday.jpg", new byte[] {1, 2}, "image/jpeg");
        PipelineOutcome outcome = installer.install(InstallOptions.of(Target.CLOUDFLARE), events::add).execute();
        assertThat(outcome).as(events.toString()).isInstanceOf(PipelineOutcome.Completed.class);
        for (int i = 0; i < 1_203; i++) {
            registryStores("components/c" + i + "/component.wasm");
        }
        // The registry is still running while the uninstall empties the bucket: one more binary lands just before
        // the bucket delete, so Cloudflare refuses it (409, BucketNotEmpty).
        cf.faults().beforeHandler(RequestMatcher.of("DELETE", ".*/r2/buckets/" + BUCKET), 1,
                req -> registryStores("components/late/component.wasm"));

        var first = uninstaller().uninstall("cloudflare", "cloudflare", events::add);

        assertThat(first.complete()).isFalse();
        assertThat(first.problems()).singleElement().extracting(EN::render).asString()
                .contains("R2 bucket " + BUCKET).contains("10008").contains("not empty");
        assertThat(cf.state().bucket(cf.accountId(), BUCKET)).isPresent();
        assertThat(cf.state().objects(cf.accountId(), BUCKET)).hasSize(1);
        // everything else is gone; only the bucket stays in the journal, and the install's config and keys stay
        List<JournalEntry> journal = installer.store().load("cloudflare").journal();
        assertThat(journal).extracting(JournalEntry::kind).containsExactly(JournalEntry.Kind.R2_BUCKET);
        assertThat(cf.state().scripts(cf.accountId())).isEmpty();
        assertThat(cf.state().namespaces(cf.accountId())).isEmpty();
        assertThat(secrets.get("cloudflare", SecretKind.CLOUDFLARE_TOKEN)).isPresent();

        var second = uninstaller().uninstall("cloudflare", "cloudflare", events::add);

        assertThat(second.problems()).isEmpty();
        assertThat(second.removed().stream().map(EN::render)).contains("R2 bucket " + BUCKET + " (with its 1 object)");
        assertThat(cf.state().bucket(cf.accountId(), BUCKET)).isEmpty();
        assertThat(installer.store().find("cloudflare")).isEmpty();
        // the user's own bucket and what is in it are untouched
        assertThat(cf.state().buckets(cf.accountId())).extracting(b -> b.name()).containsExactly("my-photos");
        assertThat(cf.state().objects(cf.accountId(), "my-photos")).hasSize(1);
        // the first run removed the registry's 1,203 binaries before the bucket refused
        assertThat(cf.count("DELETE", ".*/r2/buckets/" + BUCKET + "/objects/.*")).isEqualTo(1_203 + 1);
    }

    @Test
    void aBucketHoldingObjectsIsEmptiedAndDeletedInOneRun() {
        PipelineOutcome outcome = installer.install(InstallOptions.of(Target.CLOUDFLARE), events::add).execute();
        assertThat(outcome).as(events.toString()).isInstanceOf(PipelineOutcome.Completed.class);
        registryStores("components/a/component.wasm");
        registryStores("components/b/component.wasm");
        cf.faults().rateLimit(RequestMatcher.of("DELETE", ".*/objects/.*"), 3, 1);

        var report = uninstaller().uninstall("cloudflare", "cloudflare", events::add);

        assertThat(report.problems()).isEmpty();
        assertThat(report.removed().stream().map(EN::render)).contains("R2 bucket " + BUCKET + " (with its 2 objects)");
        assertThat(cf.state().buckets(cf.accountId())).isEmpty();
        assertThat(installer.store().find("cloudflare")).isEmpty();
    }
}
