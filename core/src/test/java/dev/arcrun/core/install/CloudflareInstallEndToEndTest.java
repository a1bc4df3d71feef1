package dev.arcrun.core.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.core.config.JournalEntry;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.core.config.Target;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.WorkerDeployState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Cloudflare install against the stand-in, with the real wrangler deploying the built-in engine through
 * CLOUDFLARE_API_BASE_URL; every request and answer inside Cloudflare's published slice is checked against it.
 */
class CloudflareInstallEndToEndTest {
    private static final String[] ENGINE_WORKERS = {"arcrun-registry", "arcrun-cypher-executor"};

    @TempDir
    Path root;

    private StandInInstall world;
    private CloudflareStandIn cf;
    private WorkerDeployState deploys;
    private AppHome home;
    private FileSecretStore secrets;
    private Installer installer;
    private final List<InstallEvent> events = new ArrayList<>();

    @BeforeEach
    void start() {
        world = StandInInstall.start(root);
        cf = world.cf();
        deploys = world.deploys();
        home = world.home();
        secrets = world.secrets();
        installer = world.installer();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private PipelineOutcome install(boolean resume) {
        return installer.install(InstallOptions.of(Target.CLOUDFLARE).withResume(resume), events::add).execute();
    }

    @Test
    void whenCloudflareAsksToWaitTheRunningStepSaysSoAndTheInstallGoesOn() {
        cf.faults().rateLimit(dev.arcrun.testkit.cloudflare.RequestMatcher.of("POST", ".*/storage/kv/namespaces"), 1, 1);
        java.util.concurrent.atomic.AtomicReference<Installer.Run> run = new java.util.concurrent.atomic.AtomicReference<>();
        run.set(installer.install(InstallOptions.of(Target.CLOUDFLARE), event -> {
            events.add(event);
            if (event instanceof InstallEvent.Succeeded s && s.step() == StepId.PROVISION) {
                run.get().cancel(); // what follows is the same as without the wait
            }
        }));

        PipelineOutcome outcome = run.get().execute();

        assertThat(outcome).as(events.toString()).isInstanceOf(PipelineOutcome.Cancelled.class);
        assertThat(events).as("the wait is the provisioning step's progress, before it succeeds")
                .containsSubsequence(new InstallEvent.Started(StepId.PROVISION),
                        new InstallEvent.Progress(StepId.PROVISION, -1, Note.of(Note.Code.CLOUDFLARE_WAITING,
                                dev.arcrun.core.cloudflare.Operation.CREATE_KV_NAMESPACE, java.time.Duration.ofSeconds(1))));
        assertThat(events).anyMatch(e -> e instanceof InstallEvent.Succeeded s && s.step() == StepId.PROVISION);
    }

    @Test
    void installsEverythingThenASecondInstallIsANoOpAndUninstallRemovesExactlyTheJournal() throws Exception {
        var mine = cf.state().createNamespace(cf.accountId(), "my-notes").orElseThrow();
        cf.state().createBucket(cf.accountId(), "my-photos", "wnam", "Standard");

        PipelineOutcome outcome = install(false);
        assertThat(outcome).as(events.toString()).isInstanceOf(PipelineOutcome.Completed.class);

        // resources: 7 namespaces and the bucket, their ids injected into what wrangler uploaded
        InstallConfig config = installer.store().load("cloudflare");
        assertThat(config.resources().kv()).hasSize(7);
        assertThat(config.resources().r2()).containsEntry("COMPONENT_BINARIES", "arcrun-components");
        for (String worker : ENGINE_WORKERS) {
            assertThat(deploys.latestUpload(cf.accountId(), worker)).as(worker).isPresent();
        }
        var executor = deploys.latestUpload(cf.accountId(), "arcrun-cypher-executor").orElseThrow();
        assertThat(executor.binding("CREDENTIALS").orElseThrow().path("namespace_id").asText())
                .isEqualTo(config.resources().kv().get("CREDENTIALS"));
        assertThat(executor.binding("REGISTRY").orElseThrow().path("service").asText()).isEqualTo("arcrun-registry");
        assertThat(deploys.uploadOrder()).containsSubsequence("arcrun-registry", "arcrun-cypher-executor");

        // secrets reached the worker; seeds reached KV
        assertThat(deploys.secretNames(cf.accountId(), "arcrun-cypher-executor")).contains("API_KEY", "ENCRYPTION_KEY");
        String apiKey = secrets.get("cloudflare", SecretKind.API_KEY).orElseThrow();
        assertThat(deploys.secretValue(cf.accountId(), "arcrun-cypher-executor", "API_KEY")).contains(apiKey);
        // The first version Cloudflare ever served already carried both keys: no moment without them, and no
        // separate secrets call after the code went live.
        String encryptionKey = secrets.get("cloudflare", SecretKind.ENCRYPTION_KEY).orElseThrow();
        var firstExecutor = deploys.uploads("arcrun-cypher-executor").getFirst();
        assertThat(dev.arcrun.testkit.cloudflare.WorkerDeployState.secretsCarriedBy(firstExecutor))
                .containsEntry("API_KEY", apiKey).containsEntry("ENCRYPTION_KEY", encryptionKey);
        assertThat(cf.exchanges()).noneMatch(x -> x.path().endsWith("/secrets-bulk"));
        var recipes = cf.state().namespace(cf.accountId(), config.resources().kv().get("AUTH_RECIPES")).orElseThrow();
        assertThat(recipes.entries()).containsKey("recipe:openai").hasSizeGreaterThanOrEqualTo(20);
        assertThat(new String(recipes.entries().get("recipe:openai").value(), StandardCharsets.UTF_8)).contains("api.openai.com");

        // the workers.dev URL cannot answer here: a warning, never a claimed success
        assertThat(config.engineUrl()).isEqualTo("https://arcrun-cypher-executor.arcrun-test.workers.dev");
        assertThat(events).anyMatch(e -> e instanceof InstallEvent.Warning w && w.step() == StepId.CHECK);

        // no secret in any file except the 0600 secret store
        String encKey = secrets.get("cloudflare", SecretKind.ENCRYPTION_KEY).orElseThrow();
        assertNoSecretOutsideTheStore(List.of(apiKey, encKey, cf.token()));

        // a second install creates and deploys nothing
        cf.clearExchanges();
        int uploadsBefore = deploys.uploads().size();
        events.clear();
        assertThat(install(false)).isInstanceOf(PipelineOutcome.Completed.class);
        assertThat(cf.count("POST", ".*/storage/kv/namespaces")).isZero();
        assertThat(cf.count("POST", ".*/r2/buckets")).isZero();
        assertThat(deploys.uploads()).hasSize(uploadsBefore);
        assertThat(events).anyMatch(e -> e instanceof InstallEvent.Skipped s && s.step() == StepId.KEYS)
                .anyMatch(e -> e instanceof InstallEvent.Skipped s && s.step() == StepId.DEPLOY)
                .anyMatch(e -> e instanceof InstallEvent.Skipped s && s.step() == StepId.SEED);

        // uninstall: exactly the journal, the user's own namespace and bucket stay
        List<JournalEntry> journal = installer.store().load("cloudflare").journal();
        assertThat(journal).hasSize(7 + 1 + 2);
        var report = new Uninstaller(home, secrets, Map.of("CLOUDFLARE_API_BASE_URL", cf.baseUrl().toString()))
                .uninstall("cloudflare", "cloudflare", events::add);
        assertThat(report.problems()).isEmpty();
        assertThat(cf.state().namespaces(cf.accountId())).extracting(n -> n.title()).containsExactly("my-notes");
        assertThat(cf.state().namespace(cf.accountId(), mine.id())).isPresent();
        assertThat(cf.state().buckets(cf.accountId())).extracting(b -> b.name()).containsExactly("my-photos");
        assertThat(cf.state().scripts(cf.accountId())).isEmpty();
        assertThat(installer.store().find("cloudflare")).isEmpty();
        assertThat(secrets.get("cloudflare", SecretKind.CLOUDFLARE_TOKEN)).isEmpty();
    }

    @Test
    void twoInstallsWithTheirOwnPrefixesShareOneAccountAndUninstallingOneLeavesTheOther() {
        assertThat(install(false)).as(events.toString()).isInstanceOf(PipelineOutcome.Completed.class);
        events.clear();
        InstallOptions team2 = new InstallOptions(Target.CLOUDFLARE, null, null, "team2-", null, null, null, false, false);
        assertThat(team2.name()).isEqualTo("cloudflare-team2");
        assertThat(installer.install(team2, events::add).execute()).as(events.toString()).isInstanceOf(PipelineOutcome.Completed.class);

        InstallConfig first = installer.store().load("cloudflare");
        InstallConfig second = installer.store().load("cloudflare-team2");
        assertThat(cf.state().scripts(cf.accountId())).extracting(s -> s.name()).containsExactlyInAnyOrder(
                "arcrun-registry", "arcrun-cypher-executor", "team2-registry", "team2-cypher-executor");
        assertThat(second.resources().kv().get("CREDENTIALS")).isNotEqualTo(first.resources().kv().get("CREDENTIALS"));
        assertThat(second.resources().r2()).containsEntry("COMPONENT_BINARIES", "team2-components");
        for (var c : List.of(first, second)) {
            String p = c == first ? "arcrun-" : "team2-";
            for (String worker : List.of(p + "registry", p + "cypher-executor")) {
                var upload = deploys.latestUpload(cf.accountId(), worker).orElseThrow();
                for (var kv : c.resources().kv().entrySet()) {
                    upload.binding(kv.getKey()).ifPresent(b -> assertThat(b.path("namespace_id").asText()).as(worker + " " + kv.getKey()).isEqualTo(kv.getValue()));
                }
            }
            var executor = deploys.latestUpload(cf.accountId(), p + "cypher-executor").orElseThrow();
            assertThat(executor.binding("CREDENTIALS").orElseThrow().path("namespace_id").asText()).isEqualTo(c.resources().kv().get("CREDENTIALS"));
            assertThat(executor.binding("REGISTRY").orElseThrow().path("service").asText()).isEqualTo(p + "registry");
            assertThat(c.engineUrl()).isEqualTo("https://" + p + "cypher-executor.arcrun-test.workers.dev");
            assertThat(c.journal()).filteredOn(e -> e.kind() == JournalEntry.Kind.WORKER).extracting(JournalEntry::name)
                    .containsExactlyInAnyOrder(p + "registry", p + "cypher-executor");
            String apiKey = secrets.get(c.name(), SecretKind.API_KEY).orElseThrow();
            assertThat(deploys.secretValue(cf.accountId(), p + "cypher-executor", "API_KEY")).contains(apiKey);
        }
        assertThat(second.resources().prefix()).isEqualTo("team2-");

        var report = new Uninstaller(home, secrets, Map.of("CLOUDFLARE_API_BASE_URL", cf.baseUrl().toString()))
                .uninstall("cloudflare-team2", "cloudflare-team2", events::add);
        assertThat(report.problems()).isEmpty();
        assertThat(cf.state().scripts(cf.accountId())).extracting(s -> s.name())
                .containsExactlyInAnyOrder("arcrun-registry", "arcrun-cypher-executor");
        assertThat(cf.state().namespaces(cf.accountId())).extracting(n -> n.title()).hasSize(7).allMatch(t -> t.startsWith("arcrun-"));
        assertThat(cf.state().namespace(cf.accountId(), first.resources().kv().get("CREDENTIALS"))).isPresent();
        assertThat(cf.state().buckets(cf.accountId())).extracting(b -> b.name()).containsExactly("arcrun-components");
        assertThat(installer.store().find("cloudflare-team2")).isEmpty();
        assertThat(installer.store().find("cloudflare")).isPresent();
    }

    private void assertNoSecretOutsideTheStore(List<String> values) throws Exception {
        Path store = ((dev.arcrun.core.config.SecretLocation.File) secrets.location()).folder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.startsWith(store))
                    .filter(p -> !p.startsWith(root.resolve("cache"))).toList()) {
                String text = Files.readString(f, StandardCharsets.ISO_8859_1);
                for (String v : values) {
                    assertThat(text).as(f.toString()).doesNotContain(v);
                }
            }
        }
    }
}
