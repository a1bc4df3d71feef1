package dev.arcrun.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.Cancellation;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.LogListener;
import dev.arcrun.core.deploy.Toolchain;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.LocalInstalls;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.local.LocalEngine;
import dev.arcrun.sdk.WorkflowSummary;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Workflows tab against the real engine in workerd holding more workflows than a page: the first page, "Load
 * more", and a search that finds a workflow the loaded pages do not hold. The workflows are written into the engine's
 * local storage directly ({@code wrangler kv bulk put}, as the engine stores them), not pushed over HTTP.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardPagingRealEngineTest {
    static final int WORKFLOWS = 450;
    private static final long WAIT = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path root;
    static AppHome home;
    static FileSecretStore secrets;
    private static final FxTaskExecutor executor = new FxTaskExecutor(2);

    @BeforeAll
    static void installAndSeed() throws Exception {
        home = new AppHome(root);
        secrets = new FileSecretStore(home, "test");
        List<InstallEvent> events = new ArrayList<>();
        PipelineOutcome outcome = new Installer(home, secrets, ToolchainManager.forTests(), Map.of())
                .install(InstallOptions.of(Target.LOCAL), events::add).execute();
        assertThat(outcome).as(events.toString()).isInstanceOf(PipelineOutcome.Completed.class);
        LocalInstalls installs = new LocalInstalls(home, secrets, ToolchainManager.forTests());
        installs.stop(null); // the storage is written while the engine is stopped, then it starts on it

        String now = Instant.now().toString();
        ArrayNode wf = JSON.createArrayNode();
        for (int i = 0; i < WORKFLOWS; i++) {
            String name = String.format("wf-%05d", i);
            ObjectNode doc = JSON.createObjectNode();
            ObjectNode w = doc.putObject("workflow").put("name", name).put("description", "Workflow number " + i);
            w.putArray("steps").addObject().put("id", "a").put("component", "template").putObject("input").put("template", "x");
            doc.put("created_at", now).put("updated_at", now);
            wf.addObject().put("key", "workflow:" + name).put("value", JSON.writeValueAsString(doc))
                    .putObject("metadata").put("description", "Workflow number " + i).put("steps", 1).put("updated_at", now);
        }
        Path seed = Files.createDirectories(root.resolve("seed"));
        Path engineDir; // the install's own bundle: its generated config holds the KV namespace ids the engine runs with
        try (var files = Files.walk(root)) {
            engineDir = files.filter(f -> f.endsWith(Path.of("workers", "cypher-executor", "wrangler.arcrun.json"))
                    && f.toString().contains("bundles")).findFirst().orElseThrow().getParent().getParent().getParent();
        }
        Path file = seed.resolve("workflows.json");
        JSON.writeValue(file.toFile(), wf);
        Toolchain toolchain = ToolchainManager.forTests().ensure(line -> { });
        ProcessBuilder pb = new ProcessBuilder(toolchain.wranglerCommand("kv", "bulk", "put", file.toString(), "--binding", "WORKFLOWS",
                "--local", "--persist-to", new LocalEngine(home, ToolchainManager.forTests()).dataFolder().toString(),
                "-c", "workers/cypher-executor/wrangler.arcrun.json"))
                .directory(engineDir.toFile()).redirectErrorStream(true).redirectOutput(seed.resolve("bulk.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("XDG_CONFIG_HOME", Files.createDirectories(seed.resolve("xdg")).toString());
        pb.environment().put("WRANGLER_SEND_METRICS", "false");
        assertThat(pb.start().waitFor()).as(Files.readString(seed.resolve("bulk.log"))).isZero();

        installs.start(null, LogListener.NONE, LocalEngine.DEFAULT_START_TIMEOUT, new Cancellation());
        AppContext c = new AppContext(home, null, Runnable::run, new I18n(Locale.ENGLISH), () -> secrets,
                ToolchainManager::forTests, Map.of());
        Installs known = new Installs(c);
        try (var engine = known.connect(known.load("local"))) {
            assertThat(engine.workflows().page(1, null, "wf-00449").items()).as("seeded: " + Files.readString(seed.resolve("bulk.log")))
                    .hasSize(1);
        }
    }

    @AfterAll
    static void stopEngine() {
        executor.close();
        if (home != null) {
            new LocalEngine(home, ToolchainManager.forTests()).stop();
        }
    }

    @Start
    void start(Stage stage) {
        AppContext context = new AppContext(home, executor, javafx.application.Platform::runLater, new I18n(Locale.ENGLISH),
                () -> secrets, ToolchainManager::forTests, Map.of());
        FilePicker none = (Window owner, String title, String filter) -> Optional.empty();
        Scene scene = new Scene(DashboardPage.create(context, page -> {}, none), 1100, 760);
        new ThemeManager().apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theListShowsTheFirstPageLoadsMoreAndASearchFindsAWorkflowBeyondTheLoadedPages(FxRobot robot) throws Exception {
        robot.clickOn("#tab-workflows");
        try {
            waitUntil(() -> names(robot).size() == PagedList.PAGE);
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(names(robot)).as(text(robot, "#workflows-count") + " / " + text(robot, "#wf-error") + " / "
                    + text(robot, "#workflows-placeholder")).hasSize(PagedList.PAGE);
        }
        assertThat(names(robot)).first().isEqualTo("wf-00000");
        assertThat(text(robot, "#workflows-count")).isEqualTo("200 loaded · more on the engine");

        interact(() -> robot.lookup("#workflows-more").queryAs(Button.class).fire());
        waitUntil(() -> names(robot).size() == 2 * PagedList.PAGE);
        assertThat(names(robot)).last().isEqualTo("wf-00399");
        assertThat(text(robot, "#workflows-count")).isEqualTo("400 loaded · more on the engine");

        robot.clickOn("#wf-search").write("wf-00444");
        waitUntil(() -> names(robot).equals(List.of("wf-00444"))); // not loaded: the engine was asked by prefix
        assertThat(text(robot, "#workflows-count")).as("the one found joins the loaded rows").isEqualTo("401 loaded · more on the engine");
    }

    private static List<String> names(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#workflows-list").<WorkflowSummary>queryListView().getItems().stream()
                .map(WorkflowSummary::name).toList()).get();
    }

    private static void interact(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> {
            Boolean[] result = new Boolean[1];
            WaitForAsyncUtils.asyncFx(() -> result[0] = condition.call()).get();
            return Boolean.TRUE.equals(result[0]);
        });
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().map(n ->
                n instanceof Labeled l ? l.getText() : "").orElse("")).get();
    }
}
