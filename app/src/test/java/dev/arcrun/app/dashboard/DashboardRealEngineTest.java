package dev.arcrun.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.core.config.Target;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.sdk.CredentialInfo;
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.StepStatus;
import dev.arcrun.sdk.WorkflowSummary;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.local.LocalEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard as a user drives it, against the real engine in workerd, installed once for the class through the
 * same local install pipeline the Start page runs.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardRealEngineTest {
    private static final long WAIT = 60;

    @TempDir static Path root;
    static AppHome home;
    static FileSecretStore secrets;

    private final AtomicReference<Path> nextFile = new AtomicReference<>();
    private final AtomicReference<String> navigatedTo = new AtomicReference<>();
    private static final FxTaskExecutor executor = new FxTaskExecutor(2);

    @BeforeAll
    static void installLocally() {
        home = new AppHome(root);
        secrets = new FileSecretStore(home, "test");
        List<InstallEvent> events = new ArrayList<>();
        PipelineOutcome outcome = new Installer(home, secrets, ToolchainManager.forTests(), Map.of())
                .install(InstallOptions.of(Target.LOCAL), events::add).execute();
        assertThat(outcome).as(events.toString()).isInstanceOf(PipelineOutcome.Completed.class);
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
        FilePicker picker = (Window owner, String title, String filter) -> Optional.ofNullable(nextFile.getAndSet(null));
        Scene scene = new Scene(DashboardPage.create(context, navigatedTo::set, picker, u -> { },
                new dev.arcrun.app.home.LocalStart(context)), 1100, 760);
        new ThemeManager().apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void headerShowsTheLocalEngineRunningWithItsUrlAndVersion(FxRobot robot) throws Exception {
        waitForText(robot, "#engine-health", t -> t.equals("Running"));
        String url = new InstallConfigStore(home).load("local").engineUrl();
        assertThat(text(robot, "#engine-url")).isEqualTo(url);
        assertThat(text(robot, "#engine-target")).isEqualTo("On this computer");
        assertThat(text(robot, "#engine-version")).isEqualTo("Version 0.1.0");
        assertThat(robot.lookup("#install-picker").query().isVisible()).as("one install: no picker").isFalse();
        assertThat(robot.lookup("#dashboard-empty").query().isVisible()).isFalse();
    }

    @Test
    void anAddedCredentialIsListedAndItsValueAppearsNowhere(FxRobot robot) throws Exception {
        String value = "it-secret-" + System.nanoTime();
        robot.clickOn("#tab-creds");
        // a fresh engine: the list says it is empty only once the engine said so
        // the list is read from the engine before anything is added (earlier tests may have stored credentials: then the
        // placeholder, hidden behind rows, holds the no-match line)
        waitForText(robot, "#creds-placeholder", t -> t.startsWith("No credentials yet") || t.startsWith("Nothing matches"));
        robot.clickOn("#cred-name").write("it_ui_token");
        robot.clickOn("#cred-value").write(value);
        robot.clickOn("#cred-add");

        TableView<CredentialInfo> table = robot.lookup("#creds-table").queryTableView();
        waitUntil(() -> table.getItems().stream().anyMatch(c -> c.name().equals("it_ui_token")));
        assertThat(text(robot, "#creds-notice")).contains("it_ui_token");
        assertThat(robot.lookup("#cred-value").queryAs(TextInputControl.class).getText()).as("value field cleared").isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(allText(robot.lookup("#dashboard").query())).noneMatch(t -> t.contains(value));
        try (EngineClient engine = engine()) {
            assertThat(engine.credentials().list()).extracting(CredentialInfo::name).contains("it_ui_token");
        }
    }

    @Test
    void anEmptyCredentialNameIsRefusedBeforeAnythingIsSent(FxRobot robot) throws Exception {
        robot.clickOn("#tab-creds");
        robot.clickOn("#cred-value").write("x");
        robot.clickOn("#cred-add");
        waitForText(robot, "#creds-error", t -> t.equals("Give the credential a name."));
    }

    @Test
    void aServiceIsSetUpFromADialogMadeFromItsRecipe(FxRobot robot) throws Exception {
        robot.clickOn("#tab-services");
        TableView<?> table = robot.lookup("#services-table").queryTableView();
        waitUntil(() -> table.getItems().size() >= 20);
        robot.clickOn("#services-search").write("twilio");
        waitUntil(() -> table.getItems().size() == 1);

        robot.clickOn("#setup-twilio");
        waitUntil(() -> robot.lookup("#secret-twilio_auth_token").tryQuery().isPresent());
        Button save = robot.lookup("#setup-save").queryButton();
        robot.clickOn("#secret-twilio_account_sid").write("AC-it-sid");
        assertThat(save.isDisabled()).as("one field still empty").isTrue();
        robot.clickOn("#secret-twilio_auth_token").write("it-auth-token");
        robot.clickOn(save);

        waitForText(robot, "#services-notice", t -> t.contains("twilio_account_sid, twilio_auth_token"));
        try (EngineClient engine = engine()) {
            assertThat(engine.credentials().list()).extracting(CredentialInfo::name)
                    .contains("twilio_account_sid", "twilio_auth_token");
        }
        assertThat(allText(robot.lookup("#dashboard").query())).noneMatch(t -> t.contains("it-auth-token"));
        waitUntil(() -> robot.lookup("#services-table .table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof Labeled l && "Ready".equals(l.getText())));
        // The Credentials tab follows without a refresh by hand.
        TableView<CredentialInfo> creds = robot.lookup("#creds-table").queryTableView();
        waitUntil(() -> creds.getItems().stream().anyMatch(c -> c.name().equals("twilio_auth_token")));
    }

    @Test
    void helloRunsWithThreeOkStepsAndItsRunCanBeOpenedAgain(FxRobot robot) throws Exception {
        robot.clickOn("#tab-workflows");
        nextFile.set(Path.of("../engine/examples/hello.json").toAbsolutePath().normalize());
        robot.clickOn("#wf-add");
        ListView<WorkflowSummary> list = robot.lookup("#workflows-list").queryListView();
        waitUntil(() -> list.getSelectionModel().getSelectedItem() != null
                && list.getSelectionModel().getSelectedItem().name().equals("hello"));

        robot.clickOn("#run-button");
        ListView<TraceRow> trace = robot.lookup("#trace-timeline").queryListView();
        waitUntil(() -> trace.getItems().size() == 3);
        assertThat(trace.getItems()).extracting(TraceRow::step).containsExactly("greet", "shout", "count");
        assertThat(trace.getItems()).extracting(TraceRow::status).containsOnly(StepStatus.OK);
        assertThat(text(robot, "#run-output")).contains("Hello, world!", "HELLO, WORLD!");
        assertThat(text(robot, "#run-summary")).startsWith("Finished in");

        ListView<?> runs = robot.lookup("#runs-list").queryListView();
        waitUntil(() -> !runs.getItems().isEmpty());
        robot.interact(() -> trace.getItems().clear());
        robot.interact(() -> runs.getSelectionModel().select(0));
        waitUntil(() -> trace.getItems().size() == 3);
    }

    @Test
    void aFailingWorkflowShowsTheStepThatFailedAndWhy(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("fails.json");
        Files.writeString(file, """
                {"name": "it_fails", "description": "fetches a URL that is not one",
                 "steps": [{"id": "fetch", "component": "http_request", "input": {"method": "GET", "url": "not-a-url"}}]}""");
        robot.clickOn("#tab-workflows");
        nextFile.set(file);
        robot.clickOn("#wf-add");
        ListView<WorkflowSummary> list = robot.lookup("#workflows-list").queryListView();
        waitUntil(() -> list.getSelectionModel().getSelectedItem() != null
                && list.getSelectionModel().getSelectedItem().name().equals("it_fails"));

        robot.clickOn("#run-button");
        ListView<TraceRow> trace = robot.lookup("#trace-timeline").queryListView();
        waitUntil(() -> !trace.getItems().isEmpty());
        TraceRow failed = trace.getItems().getLast();
        assertThat(failed.step()).isEqualTo("fetch");
        assertThat(failed.status()).isEqualTo(StepStatus.ERROR);
        assertThat(failed.detail()).isNotBlank();
        // a sentence that says what happened, and behind Details the step, the engine's code and its raw message
        assertThat(text(robot, "#run-summary")).startsWith("Failed at step fetch: The URL is not valid: 'not-a-url'");
        robot.clickOn("#run-details");
        waitUntil(() -> robot.lookup("#details-text").tryQuery().isPresent());
        String details = robot.lookup("#details-text").queryAs(javafx.scene.control.TextArea.class).getText();
        assertThat(details).contains("step: fetch").contains("engine code: ").contains("message: ");
        assertThat(robot.lookup("#details-copy").tryQuery()).isPresent();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertThat(robot.lookup("#run-output").tryQuery().filter(Node::isVisible)).as("no output for a failed run").isEmpty();
    }

    @Test
    void aRunNeedingAServiceThatIsNotSetUpSaysSoAndPointsToTheServicesTab(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("gh.json");
        Files.writeString(file, """
                {"name": "it_github", "steps": [{"id": "me", "component": "http_request", "service": "github",
                  "input": {"method": "GET", "url": "https://api.github.com/user"}}]}""");
        robot.clickOn("#tab-workflows");
        nextFile.set(file);
        robot.clickOn("#wf-add");
        // it sends data to api.github.com: the data-leaving notice asks first, and the user agrees
        waitUntil(() -> robot.lookup("#leaving-ok").tryQuery().isPresent());
        robot.clickOn("#leaving-ok");
        ListView<WorkflowSummary> list = robot.lookup("#workflows-list").queryListView();
        waitUntil(() -> list.getSelectionModel().getSelectedItem() != null
                && list.getSelectionModel().getSelectedItem().name().equals("it_github"));

        robot.clickOn("#run-button");
        waitForText(robot, "#run-summary", t -> t.startsWith("Failed"));
        assertThat(text(robot, "#run-summary"))
                .startsWith("Failed at step me: GitHub is not set up yet: set it up on the Services tab")
                .doesNotContain("POST", "/credentials", "arcrun ");
    }

    @Test
    void aMalformedWorkflowShowsTheEnginesReasonAndBadJsonIsCaughtHere(FxRobot robot, @TempDir Path dir) throws Exception {
        Path noSteps = dir.resolve("empty.json");
        Files.writeString(noSteps, "{\"name\": \"it_empty\", \"steps\": []}");
        Path notJson = dir.resolve("broken.json");
        Files.writeString(notJson, "{\"name\": \"it_broken\",\n  \"steps\": [");
        robot.clickOn("#tab-workflows");

        nextFile.set(noSteps);
        robot.clickOn("#wf-add");
        waitForText(robot, "#wf-error", t -> t.equals("The engine did not accept this workflow: steps must be a non-empty list."));

        nextFile.set(notJson);
        robot.clickOn("#wf-add");
        waitForText(robot, "#wf-error", t -> t.startsWith("broken.json is not valid JSON (line 2"));
    }

    @Test
    void inputThatIsNotJsonIsFlaggedAndCannotBeRun(FxRobot robot) throws Exception {
        robot.clickOn("#tab-workflows");
        nextFile.set(Path.of("../engine/examples/hello.json").toAbsolutePath().normalize());
        robot.clickOn("#wf-add");
        Button run = robot.lookup("#run-button").queryButton();
        waitUntil(() -> !run.isDisabled());
        robot.interact(() -> robot.lookup("#run-input").queryAs(TextInputControl.class).setText("{\"name\": "));
        assertThat(text(robot, "#run-input-error")).startsWith("The input is not valid JSON (line 1");
        assertThat(run.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#run-input").queryAs(TextInputControl.class).setText("{\"name\": \"Ada\"}"));
        assertThat(run.isDisabled()).isFalse();
    }

    @Test
    void uninstallRefusesAWrongNameAndRollbackIsHiddenWithoutAPreviousEngine(FxRobot robot) throws Exception {
        waitForText(robot, "#engine-health", t -> t.equals("Running"));
        robot.clickOn("#tab-maintenance");
        assertThat(robot.lookup("#rollback-button").query().isVisible()).isFalse();

        showDangerZone(robot);
        robot.clickOn("#uninstall-button");
        waitUntil(() -> robot.lookup("#uninstall-confirm").tryQuery().isPresent());
        Button ok = robot.lookup("#uninstall-ok").queryButton();
        assertThat(ok.isDisabled()).isTrue();
        robot.clickOn("#uninstall-confirm").write("loca");
        assertThat(ok.isDisabled()).as("a name that is not the install's").isTrue();
        robot.write("ll");
        assertThat(ok.isDisabled()).as("'locall'").isTrue();
        robot.clickOn("#uninstall-cancel");

        assertThat(new InstallConfigStore(home).names()).containsExactly("local");
        try (EngineClient engine = engine()) {
            assertThat(engine.health().ok()).isTrue();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE - 2) // it stops and starts the engine: after the others, before the update
    void theHeaderStopsAndStartsTheLocalEngineAndSaysWhoStartedIt(FxRobot robot) throws Exception {
        waitForText(robot, "#engine-health", t -> t.equals("Running"));
        // started by the installer outside this dashboard, as the CLI does: quitting the app would leave it running
        assertThat(text(robot, "#local-origin")).startsWith("Started outside this app");
        robot.clickOn("#local-stop");
        waitForText(robot, "#engine-health", t -> t.equals("Not answering"));
        assertThat(new LocalEngine(home, ToolchainManager.forTests()).status()).isInstanceOf(dev.arcrun.core.local.LocalStatus.Stopped.class);
        assertThat(text(robot, "#local-origin")).isEmpty();

        robot.clickOn("#local-start");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> "Running".equals(text(robot, "#engine-health")));
        assertThat(text(robot, "#local-origin")).startsWith("Started by this app");
        assertThat(text(robot, "#health-checked")).startsWith("checked ");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1) // it restarts the engine: after the others, so they never depend on the restart
    void updateRunsThePipelineWithItsStepsAndTheConsoleAndTheEngineStillAnswers(FxRobot robot, @TempDir Path dir) throws Exception {
        waitForText(robot, "#engine-health", t -> t.equals("Running"));
        robot.clickOn("#tab-maintenance");
        String deployed = new InstallConfigStore(home).load("local").bundle().sha256();
        robot.clickOn("#update-button"); // from where it came from: the very same engine
        waitForText(robot, "#maint-notice", t -> !t.isEmpty() && !t.equals("Looking at that engine…"));
        assertThat(text(robot, "#maint-notice")).matches("You have the latest engine \\(.+\\)\\. Nothing was changed\\.");
        assertThat(new InstallConfigStore(home).load("local").bundle().sha256()).isEqualTo(deployed);

        // the same engine packed again is another archive (another sha256): that is an update
        Path repacked = dir.resolve("engine-repacked.tar.gz");
        try (var in = dev.arcrun.core.bundle.BundleFetcher.class.getResourceAsStream(dev.arcrun.core.bundle.BundleSource.BUILTIN_RESOURCE);
             var out = Files.newOutputStream(repacked)) {
            in.transferTo(out);
            var extra = new java.io.ByteArrayOutputStream();
            new java.util.zip.GZIPOutputStream(extra).close(); // an empty gzip member after it: same files, other bytes
            out.write(extra.toByteArray());
        }
        robot.clickOn("#update-source").write(repacked.toString());
        robot.clickOn("#update-button");
        ListView<PipelineStep> steps = robot.lookup("#maint-steps").queryListView();
        waitUntil(() -> !steps.getItems().isEmpty());
        // The whole pipeline (fetch, discover, inject, start, register, seed, config, check) on a busy machine.
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !(text(robot, "#maint-notice") + text(robot, "#maint-error")).isEmpty());
        assertThat(text(robot, "#maint-notice")).as(text(robot, "#maint-error") + " " + steps.getItems())
                .matches("The engine is updated from (.+) to \\1\\. You can roll back to \\1\\.");
        assertThat(steps.getItems()).extracting(PipelineStep::state)
                .containsOnly(PipelineStep.State.DONE, PipelineStep.State.SKIPPED);
        assertThat(steps.getItems()).extracting(PipelineStep::id).contains(dev.arcrun.core.install.StepId.FETCH,
                dev.arcrun.core.install.StepId.CHECK);
        ListView<?> console = robot.lookup("#console-list").queryListView();
        assertThat(console.isVisible()).isTrue();
        waitForText(robot, "#engine-health", t -> t.equals("Running"));
        try (EngineClient engine = engine()) {
            assertThat(engine.health().ok()).isTrue();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // removes the install: the very last
    void uninstallWithTheExactNameRemovesTheInstallAndTheDashboardFallsBackToItsEmptyState(FxRobot robot) throws Exception {
        waitForText(robot, "#engine-health", t -> t.equals("Running"));
        robot.clickOn("#tab-maintenance");
        showDangerZone(robot); // after the update the tab is longer still (its steps and console)
        robot.clickOn("#uninstall-button");
        waitUntil(() -> robot.lookup("#uninstall-confirm").tryQuery().isPresent());
        robot.clickOn("#uninstall-confirm").write("local");
        Button ok = robot.lookup("#uninstall-ok").queryButton();
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(ok);

        // it ends with a confirmation of what was removed; the only button is OK
        waitUntil(() -> robot.lookup("#uninstall-result").tryQuery().isPresent());
        assertThat(robot.lookup("#uninstall-result").queryAs(javafx.scene.control.Label.class).getText()).startsWith("Removed:");
        robot.clickOn("#uninstall-result-ok");
        waitUntil(() -> robot.lookup("#dashboard-empty").query().isVisible());
        assertThat(new InstallConfigStore(home).names()).isEmpty();
        assertThat(new LocalEngine(home, ToolchainManager.forTests()).status())
                .isInstanceOf(dev.arcrun.core.local.LocalStatus.Stopped.class);
    }

    private static EngineClient engine() {
        AppContext c = new AppContext(home, null, Runnable::run, new I18n(Locale.ENGLISH), () -> secrets,
                ToolchainManager::forTests, Map.of());
        Installs installs = new Installs(c);
        return installs.connect(installs.load("local"));
    }

    /** The Maintenance tab is taller than the window: Uninstall sits at its bottom, scrolled to as a user would. */
    private static void showDangerZone(FxRobot robot) {
        robot.interact(() -> {
            var scroll = robot.lookup("#maintenance").queryAs(javafx.scene.control.ScrollPane.class);
            scroll.layout();
            scroll.setVvalue(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> {
            Boolean[] result = new Boolean[1];
            WaitForAsyncUtils.asyncFx(() -> result[0] = condition.call()).get();
            return Boolean.TRUE.equals(result[0]);
        });
    }

    /** Waits for the node's text to satisfy the condition; on timeout fails showing the text it had. */
    private static void waitForText(FxRobot robot, String query, java.util.function.Predicate<String> condition) throws Exception {
        try {
            waitUntil(() -> condition.test(text(robot, query)));
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(text(robot, query)).as(query).matches(condition);
        }
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof Labeled l ? l.getText() : n instanceof TextInputControl t ? t.getText() : "";
        }).get();
    }

    /** Every string a user could see (or copy) in the page: labels, fields, table and list cells. */
    private static List<String> allText(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof TextInputControl t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof TableView<?> t) {
            t.getItems().forEach(i -> out.add(String.valueOf(i)));
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }
}
