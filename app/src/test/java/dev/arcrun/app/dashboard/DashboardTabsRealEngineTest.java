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
import dev.arcrun.sdk.EngineClient;
import dev.arcrun.sdk.WorkflowSummary;
import dev.arcrun.core.install.InstallEvent;
import dev.arcrun.core.install.InstallOptions;
import dev.arcrun.core.install.Installer;
import dev.arcrun.core.install.PipelineOutcome;
import dev.arcrun.core.local.LocalEngine;
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
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.FlowPane;
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
 * The dashboard's catalog, examples and data-leaving notice, and the Settings page's engine part, as a user drives
 * them against the real engine in workerd (installed once for the class by the same local pipeline as the Start page).
 */
@ExtendWith(ApplicationExtension.class)
class DashboardTabsRealEngineTest {
    private static final long WAIT = 60;

    @TempDir static Path root;
    static AppHome home;
    static FileSecretStore secrets;
    private static final FxTaskExecutor executor = new FxTaskExecutor(2);

    private Stage stage;
    private AppContext context;
    private final AtomicReference<String> opened = new AtomicReference<>();

    @BeforeAll
    static void installLocally() {
        home = new AppHome(root);
        secrets = new FileSecretStore(home, "test");
        List<InstallEvent> events = new ArrayList<>();
        PipelineOutcome outcome = new Installer(home, secrets, ToolchainManager.forTests(), Map.of())
                .install(InstallOptions.of(Target.LOCAL), events::add).execute();
        assertThat(outcome).as(events.toString()).isInstanceOf(PipelineOutcome.Completed.class);
        try (EngineClient engine = engine()) {
            engine.workflows().push(largest());
        }
    }

    /** The largest workflow the engine runs: 100 steps, each a foreach over 100 items (a trace of about 15 MB). */
    static com.fasterxml.jackson.databind.node.ObjectNode largest() {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        var wf = f.objectNode().put("name", "largest").put("description", "100 steps of 100 items");
        var steps = wf.putArray("steps");
        for (int i = 0; i < 100; i++) {
            steps.addObject().put("id", "s" + i).put("component", "template").put("foreach", "{{input.items}}")
                    .putObject("input").put("template", "{{item}}");
        }
        wf.putObject("output").put("done", "yes");
        return wf;
    }

    static String largestInput() {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        var input = f.objectNode();
        var items = input.putArray("items");
        for (int i = 0; i < 100; i++) {
            items.add(String.valueOf(i).repeat(700 / String.valueOf(i).length()));
        }
        return input.toString();
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
        this.stage = stage;
        context = new AppContext(home, executor, javafx.application.Platform::runLater, new I18n(Locale.ENGLISH),
                () -> secrets, ToolchainManager::forTests, Map.of());
        FilePicker none = (Window owner, String title, String filter) -> Optional.empty();
        Scene scene = new Scene(DashboardPage.create(context, page -> {}, none), 1100, 760);
        new ThemeManager().apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theComponentsTabFiltersTheEnginesCatalogByCategoryAndByText(FxRobot robot) throws Exception {
        click(robot, "#tab-components");
        waitUntil(() -> cards(robot).size() >= 16); // every component the engine serves, each a card
        assertThat(cards(robot)).contains("component-http_request", "component-template", "component-if", "component-telegram_send");

        click(robot, "#comp-cat-control");
        waitUntil(() -> cards(robot).equals(List.of("component-if")));

        click(robot, "#comp-cat-api");
        waitUntil(() -> cards(robot).contains("component-http_request") && !cards(robot).contains("component-template"));
        click(robot, "#comp-search").write("telegram");
        waitUntil(() -> cards(robot).equals(List.of("component-telegram_send")));
        // the card says what the component needs
        assertThat(allText(find(robot, "#component-telegram_send")))
                .anyMatch(t -> t.contains("telegram_bot_token")).anyMatch(t -> t.startsWith("chat_id"));

        click(robot, "#comp-cat-logic");
        waitUntil(() -> cards(robot).isEmpty());
        assertThat(text(robot, "#components-placeholder")).startsWith("No component matches");

        click(robot, "#comp-cat-all");
        interact(() -> robot.lookup("#comp-search").queryAs(TextInputControl.class).clear());
        waitUntil(() -> cards(robot).size() >= 16);
    }

    @Test
    void tryingAnExampleAddsItOpensItsRunFormWithSampleInputAndRunsIt(FxRobot robot) throws Exception {
        tryExample(robot, "hello"); // hello sends nothing out: no notice
        waitUntil(() -> selectedTab(robot).equals("tab-workflows"));
        ListView<WorkflowSummary> list = find(robot, "#workflows-list");
        waitUntil(() -> list.getSelectionModel().getSelectedItem() != null
                && list.getSelectionModel().getSelectedItem().name().equals("hello"));
        waitForText(robot, "#run-input", t -> t.contains("\"name\"") && t.contains("Ada"));

        click(robot, "#run-button");
        waitForText(robot, "#run-output", t -> t.contains("Hello, Ada!") && t.contains("HELLO, ADA!"));
        assertThat(text(robot, "#run-summary")).startsWith("Finished in");
        try (EngineClient engine = engine()) {
            assertThat(engine.workflows().list()).extracting(WorkflowSummary::name).contains("hello");
        }
    }

    @Test
    void aWorkflowThatSendsDataOutIsAddedOnlyAfterTheUserReadTheNotice(FxRobot robot) throws Exception {
        tryExample(robot, "github_issue_count");
        waitUntil(() -> robot.lookup("#leaving-hosts").tryQuery().isPresent());
        assertThat(text(robot, "#leaving-host-api-github-com")).startsWith("api.github.com").contains("repo");
        click(robot, "#leaving-cancel");
        waitForText(robot, "#wf-notice", t -> t.contains("github_issue_count") && t.contains("not added"));
        try (EngineClient engine = engine()) {
            assertThat(engine.workflows().list()).extracting(WorkflowSummary::name).doesNotContain("github_issue_count");
        }

        tryExample(robot, "github_issue_count");
        waitUntil(() -> robot.lookup("#leaving-ok").tryQuery().isPresent());
        click(robot, "#leaving-ok");
        waitUntil(() -> selectedTab(robot).equals("tab-workflows"));
        waitForText(robot, "#run-input", t -> t.contains("octocat"));
        try (EngineClient engine = engine()) {
            assertThat(engine.workflows().list()).extracting(WorkflowSummary::name).contains("github_issue_count");
        }
    }

    @Test
    void aStepWhoseAddressIsATemplateIsListedAsDecidedAtRunTime(FxRobot robot) throws Exception {
        tryExample(robot, "on_error");
        waitUntil(() -> robot.lookup("#leaving-runtime-fetch").tryQuery().isPresent());
        assertThat(text(robot, "#leaving-runtime-fetch")).contains("fetch").contains("decided when it runs")
                .contains("{{input.url");
        click(robot, "#leaving-cancel");
    }

    @Test
    void theSettingsPageChangesTheEnginesPrivateHostsAndShowsTheInstallsDetails(FxRobot robot) throws Exception {
        interact(() -> stage.getScene().setRoot((Parent) SettingsPage.create(context, new ThemeManager(), opened::set)));
        waitForText(robot, "#detail-sha256", t -> t.length() == 64);
        assertThat(text(robot, "#detail-sha256")).isEqualTo(new InstallConfigStore(home).load("local").bundle().sha256());

        TextInputControl hosts = find(robot, "#private-hosts");
        waitUntil(() -> !hosts.isDisabled());
        robot.clickOn(hosts).write("10.0.0.5:8080\nnot a host");
        waitForText(robot, "#private-hosts-problem", t -> t.contains("'not a host' is not host:port"));
        Button save = find(robot, "#private-hosts-save");
        assertThat(save.isDisabled()).as("a bad line is never sent").isTrue();

        interact(() -> hosts.setText("10.0.0.5:8080\n127.0.0.1:9000"));
        waitUntil(() -> !save.isDisabled());
        interact(save::fire); // below the fold of the page at the test window's size: fired as a keyboard user would
        waitForText(robot, "#private-hosts-notice", t -> t.contains("2 private address"));
        try (EngineClient engine = engine()) {
            assertThat(engine.allowPrivateHosts()).containsExactly("10.0.0.5:8080", "127.0.0.1:9000");
            engine.setAllowPrivateHosts(List.of());
        }
    }

    @Test
    void theLargestTraceTheEngineAllowsOpensAsATimelineWithItsJsonTree(FxRobot robot) throws Exception {
        click(robot, "#tab-workflows");
        ListView<WorkflowSummary> list = find(robot, "#workflows-list");
        waitUntil(() -> list.getItems().stream().anyMatch(w -> w.name().equals("largest")));
        interact(() -> list.getSelectionModel().select(list.getItems().stream().filter(w -> w.name().equals("largest")).findFirst().orElseThrow()));
        interact(() -> robot.lookup("#run-input").queryAs(TextInputControl.class).setText(largestInput()));
        click(robot, "#run-button");

        ListView<TraceRow> timeline = find(robot, "#trace-timeline");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> timeline.getItems().size()).get() == 100);
        assertThat(timeline.getItems()).allMatch(r -> r.output().path("items").size() == 100);
        interact(() -> timeline.getSelectionModel().select(99));
        javafx.scene.control.TreeView<String> tree = find(robot, "#trace-json");
        waitUntil(() -> tree.getRoot() != null && tree.getRoot().getChildren().size() == 2);
        var output = tree.getRoot().getChildren().get(1);
        assertThat(output.getValue()).isEqualTo("output: {1}");
        var items = output.getChildren().getFirst();
        assertThat(items.getValue()).isEqualTo("items: [100]");
        assertThat(items.getChildren()).hasSize(100); // unfolded only now, on demand
        assertThat(text(robot, "#trace-step-title")).isEqualTo("Step s99 (template)");
    }

    @Test
    void aWorkflowWrittenInTheEditorIsCheckedAsTypedThenAddedAndRun(FxRobot robot) throws Exception {
        click(robot, "#tab-workflows");
        Button write = find(robot, "#wf-write");
        waitUntil(() -> !write.isDisabled());
        javafx.application.Platform.runLater(write::fire); // the editor is modal: not waited for here
        waitUntil(() -> robot.lookup("#editor-text").tryQuery().isPresent());
        click(robot, "#editor-yaml");
        TextInputControl text = find(robot, "#editor-text");
        Button add = find(robot, "#editor-add");
        // the step's second key is indented one space too far: YAML cannot read line 4
        interact(() -> text.setText("name: written\nsteps:\n  - id: greet\n     component: template\n"
                + "    input: {template: 'Hi, {{input.who}}'}\noutput: {said: '{{steps.greet.output}}'}\n"));
        waitForText(robot, "#editor-problem", t -> t.startsWith("Line 4, column") && t.contains("not valid YAML"));
        assertThat(add.isDisabled()).as("an invalid workflow cannot be added").isTrue();

        interact(() -> text.setText(text.getText().replace("\n     component", "\n    component")));
        waitForText(robot, "#editor-problem", t -> t.startsWith("Looks right"));
        assertThat(add.isDisabled()).isFalse();
        interact(() -> text.setText("name: written\n"));
        waitForText(robot, "#editor-problem", t -> t.contains("needs its steps"));
        interact(() -> { text.requestFocus(); text.end(); }); // then typed, as a user would
        robot.write("steps:\n  - id: greet\n    component: template\n    input: {template: 'Hi, {{input.who}}'}\n"
                + "output: {said: '{{steps.greet.output}}'}\n");
        waitUntil(() -> !add.isDisabled());
        robot.clickOn(add);

        ListView<WorkflowSummary> list = find(robot, "#workflows-list");
        waitUntil(() -> list.getSelectionModel().getSelectedItem() != null
                && list.getSelectionModel().getSelectedItem().name().equals("written"));
        interact(() -> robot.lookup("#run-input").queryAs(TextInputControl.class).setText("{\"who\": \"Grace\"}"));
        click(robot, "#run-button");
        waitForText(robot, "#run-output", t -> t.contains("Hi, Grace"));
        try (EngineClient engine = engine()) {
            var runs = engine.runs().list("written");
            assertThat(runs).hasSize(1);
            // the summary gives the run's own duration, the figure Recent runs shows, not the sum of its steps
            assertThat(text(robot, "#run-summary")).contains(runs.getFirst().durationMs() + " ms");
        }
    }

    @Test
    void aWrittenWorkflowThatSendsDataOutStillShowsTheNotice(FxRobot robot) throws Exception {
        click(robot, "#tab-workflows");
        Button write = find(robot, "#wf-write");
        waitUntil(() -> !write.isDisabled());
        javafx.application.Platform.runLater(write::fire);
        waitUntil(() -> robot.lookup("#editor-text").tryQuery().isPresent());
        interact(() -> robot.lookup("#editor-text").queryAs(TextInputControl.class).setText(
                "{\"name\": \"written_out\", \"steps\": [{\"id\": \"call\", \"component\": \"http_request\","
                        + " \"input\": {\"url\": \"https://api.example.org/x\"}}]}"));
        Button add = find(robot, "#editor-add");
        waitUntil(() -> !add.isDisabled());
        robot.clickOn(add);
        waitUntil(() -> robot.lookup("#leaving-host-api-example-org").tryQuery().isPresent());
        click(robot, "#leaving-cancel");
        waitForText(robot, "#wf-notice", t -> t.contains("written_out") && t.contains("not added"));
        try (EngineClient engine = engine()) {
            assertThat(engine.workflows().list()).extracting(WorkflowSummary::name).doesNotContain("written_out");
        }
    }

    @Test
    void theSettingsPageChangesThePlanLimitsCheckedAsTyped(FxRobot robot) throws Exception {
        interact(() -> stage.getScene().setRoot((Parent) SettingsPage.create(context, new ThemeManager(), opened::set)));
        TextInputControl subrequests = find(robot, "#limit-subrequests");
        TextInputControl retention = find(robot, "#limit-retention");
        waitForText(robot, "#limit-subrequests", t -> t.equals("50")); // the free plan's default, as the engine says
        assertThat(text(robot, "#limit-retention")).isEqualTo("30");
        assertThat(text(robot, "#limits-budget")).contains("25 MiB");
        Button save = find(robot, "#limits-save");
        waitUntil(() -> !subrequests.isDisabled() && !save.isDisabled());

        interact(() -> { subrequests.requestFocus(); subrequests.clear(); });
        robot.write("0");
        waitForText(robot, "#limits-problem", t -> t.startsWith("Outbound requests per run: write a whole number from 1 to 10000000"));
        assertThat(save.isDisabled()).as("a value the engine refuses is never sent").isTrue();
        interact(() -> subrequests.setText("80"));
        interact(() -> retention.setText("many"));
        waitForText(robot, "#limits-problem", t -> t.startsWith("Keep runs for"));
        interact(() -> retention.setText("7"));
        waitUntil(() -> !save.isDisabled());
        interact(save::fire);
        waitForText(robot, "#limits-notice", t -> t.contains("80 outbound requests") && t.contains("7 days"));
        try (EngineClient engine = engine()) {
            var kept = engine.engineSettings().get();
            assertThat(kept.maxSubrequestsPerRun()).isEqualTo(80);
            assertThat(kept.runRetentionDays()).isEqualTo(7);
            engine.engineSettings().limits(50, 30);
        }
    }


    /** The Examples tab's "Try it" of one example (fired: the card may lie below the tab's visible part). */
    private static void tryExample(FxRobot robot, String name) throws Exception {
        click(robot, "#tab-examples");
        interact(() -> robot.lookup("#try-" + name).queryButton().fire());
    }

    /** A notice left open by a failed test must not block the next one. */
    @org.junit.jupiter.api.AfterEach
    void closeDialogs() throws Exception {
        interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(w -> { if (w instanceof Stage s) s.close(); else w.hide(); }));
    }

    /**
     * Looks a node up on the FX thread: TestFX's own lookup walks the scene graph from the test thread, which races
     * with the dashboard's background refreshes rebuilding lists (an IndexOutOfBoundsException now and then).
     */
    @SuppressWarnings("unchecked")
    private static <T extends Node> T find(FxRobot robot, String query) throws Exception {
        return (T) WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).query()).get();
    }

    /** Clicks what {@code query} finds, found on the FX thread (see {@link #find}). */
    private static org.testfx.api.FxRobotInterface click(FxRobot robot, String query) throws Exception {
        Node node = find(robot, query);
        return robot.clickOn(node);
    }

    private static List<String> cards(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#components-cards").queryAs(FlowPane.class).getChildren().stream()
                .map(Node::getId).filter(id -> id != null && id.startsWith("component-")).toList()).get();
    }

    private static String selectedTab(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Tab t = robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().getSelectedItem();
            return t == null ? "" : t.getId();
        }).get();
    }

    private static void interact(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static EngineClient engine() {
        AppContext c = new AppContext(home, null, Runnable::run, new I18n(Locale.ENGLISH), () -> secrets,
                ToolchainManager::forTests, Map.of());
        Installs installs = new Installs(c);
        return installs.connect(installs.load("local"));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> {
            Boolean[] result = new Boolean[1];
            WaitForAsyncUtils.asyncFx(() -> result[0] = condition.call()).get();
            return Boolean.TRUE.equals(result[0]);
        });
    }

    private static void waitForText(FxRobot robot, String query, java.util.function.Predicate<String> condition) throws Exception {
        try {
            waitUntil(() -> condition.test(text(robot, query)));
        } catch (java.util.concurrent.TimeoutException e) {
            assertThat(text(robot, query)).as(query).matches(condition);
        }
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).tryQuery().map(n ->
                n instanceof Labeled l ? l.getText() : n instanceof TextInputControl t ? t.getText() : "").orElse("")).get();
    }

    private static List<String> allText(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }
}
