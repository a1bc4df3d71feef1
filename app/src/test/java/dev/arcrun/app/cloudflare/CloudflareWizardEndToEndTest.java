package dev.arcrun.app.cloudflare;

import static dev.arcrun.app.cloudflare.WizardStandIn.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.SecretKind;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.RequestMatcher;
import dev.arcrun.testkit.cloudflare.StandInToken;
import dev.arcrun.testkit.cloudflare.TokenPermission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard as a user goes through it, against the Cloudflare stand-in with the real wrangler deploying the
 * built-in engine (CLOUDFLARE_API_BASE_URL in the app's env map; the token only typed into the field).
 */
@ExtendWith(ApplicationExtension.class)
class CloudflareWizardEndToEndTest {
    private static final String WORKERS_URL = "https://arcrun-cypher-executor.arcrun-test.workers.dev";

    @TempDir
    Path root;

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final List<String> browsed = new CopyOnWriteArrayList<>();
    private WizardStandIn standIn;
    private CloudflareStandIn cf;
    private FileSecretStore secrets;

    @Start
    void start(Stage stage) {
        standIn = WizardStandIn.start(root);
        cf = standIn.cf;
        secrets = standIn.secrets;
        standIn.showWizard(stage, i18n, browsed::add);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void aUserGoesFromTokenToARunningEngineWatchingTheStepsAndWranglersLines(FxRobot robot) throws Exception {
        robot.clickOn("#open-token-page");
        assertThat(browsed).singleElement().asString().contains("permissionGroupKeys");

        robot.clickOn("#token-field").write(cf.token());
        robot.clickOn("#check-token");
        waitUntil(30, () -> robot.lookup("#token-ok").queryAs(Label.class).isVisible());
        // the check's answer is applied in one UI-thread task: seen from here it may be half done
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".perm-granted").queryAllAs(Node.class)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(robot.lookup("#token-field").queryAs(PasswordField.class).getText()).as("emptied").isEmpty();

        robot.clickOn("#wizard-next"); // options: the defaults
        assertThat(robot.lookup("#options-summary").queryAs(Label.class).getText()).contains("\"cloudflare\"");
        robot.clickOn("#wizard-next"); // the plan
        waitUntil(60, () -> !robot.lookup("#wizard-next").queryAs(Button.class).isDisabled());
        assertThat(texts(robot, "#plan-rows")).contains("Create the storage \"arcrun-credentials\" (a KV namespace)",
                "Create the file bucket \"arcrun-components\" (R2)", "The engine will be reachable under arcrun-test.workers.dev");
        assertThat(cf.state().namespaces(cf.accountId())).as("the plan changed nothing").isEmpty();

        robot.clickOn("#wizard-next"); // Install
        waitUntil(10, () -> robot.lookup("#step-toolchain.step-state-done").tryQuery().isPresent()
                || robot.lookup("#step-toolchain.step-state-running").tryQuery().isPresent());
        waitUntil(600, () -> robot.lookup("#step-check.step-state-warning").tryQuery().isPresent()
                || robot.lookup("#install-failure").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#install-failure").queryAs(Node.class).isVisible())
                .as(texts(robot, "#install-failure").toString()).isFalse();
        for (String step : List.of("toolchain", "verify", "provision", "subdomain", "fetch", "deploy", "seed", "config")) {
            assertThat(robot.lookup("#step-" + step + ".step-state-done").tryQuery()).as(step).isPresent();
        }
        // workers.dev cannot answer here: the check did not fully succeed, so it is a warning, not a green check
        assertThat(robot.lookup("#step-check.step-state-warning").tryQuery()).isPresent();
        @SuppressWarnings("unchecked")
        ListView<Object> console = robot.lookup("#console-list").queryAs(ListView.class);
        List<String> lines = console.getItems().stream().map(Object::toString).toList();
        assertThat(lines).as("wrangler's own lines, tagged with the worker").anyMatch(l -> l.contains("arcrun-registry"));

        robot.clickOn("#wizard-next");
        assertThat(robot.lookup("#engine-url").queryAs(TextField.class).getText()).isEqualTo(WORKERS_URL);
        assertThat(robot.lookup("#done-warning").queryAs(Label.class).getText()).as("workers.dev cannot answer here")
                .isEqualTo(i18n.get("cf.done.notyet"));
        assertThat(robot.lookup("#wizard-back").queryAs(Button.class).isVisible()).isFalse();
        robot.clickOn("#copy-url");
        assertThat(WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS)).isEqualTo(WORKERS_URL);

        // the token went to the secret store through the pipeline, and nowhere else we can see
        assertThat(secrets.get("cloudflare", SecretKind.CLOUDFLARE_TOKEN)).contains(cf.token());
        assertThat(lines).noneMatch(l -> l.contains(cf.token()));
        assertThat(robot.lookup(".labeled").queryAllAs(Labeled.class)).noneMatch(l -> l.getText() != null && l.getText().contains(cf.token()));
        Path store = ((dev.arcrun.core.config.SecretLocation.File) secrets.location()).folder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.startsWith(store)).toList()) {
                assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(cf.token());
            }
        }
    }

    @Test
    void aTokenWithoutR2RightsShowsThatGroupMissingAndNextStaysOff(FxRobot robot) throws Exception {
        String token = cf.addToken(StandInToken.user(StandInToken.randomValue()).without(TokenPermission.WORKERS_R2_STORAGE_EDIT));
        robot.clickOn("#token-field").write(token);
        robot.clickOn("#check-token");
        waitUntil(30, () -> !robot.lookup("#token-error").queryAs(Label.class).getText().isEmpty());

        assertThat(robot.lookup("#token-error").queryAs(Label.class).getText()).isEqualTo(i18n.get("cf.token.missing"));
        assertThat(robot.lookup(".perm-missing").queryAllAs(Node.class).stream()
                .filter(n -> n instanceof Label l && l.getText().equals("Account › Workers R2 Storage › Edit"))).hasSize(1);
        assertThat(robot.lookup(".perm-granted").queryAllAs(Node.class).stream().filter(n -> n instanceof Label l
                && l.getText().equals("Account › Workers KV Storage › Edit"))).hasSize(1);
        assertThat(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void aWrongTokenSaysCloudflareDoesNotRecogniseIt(FxRobot robot) throws Exception {
        robot.clickOn("#token-field").write("not-a-token-cloudflare-knows-0123456789");
        robot.clickOn("#check-token");
        waitUntil(30, () -> !robot.lookup("#token-error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#token-error").queryAs(Label.class).getText()).isEqualTo(i18n.get("cf.token.invalid"));
        assertThat(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#token-permissions").queryAs(Node.class).isVisible()).isFalse();
    }

    private static List<String> texts(FxRobot robot, String parent) {
        return robot.lookup(parent).lookup(".label").queryAllAs(Labeled.class).stream().map(Labeled::getText).toList();
    }

    @Test
    void cancelDuringTheDeployStopsResumablyAndTryAgainFinishes(FxRobot robot) throws Exception {
        cf.faults().slow(RequestMatcher.of("PUT", "/accounts/[^/]+/workers/scripts/arcrun-cypher-executor"), 1, Duration.ofMinutes(2));
        standIn.checkToken(robot);
        WizardStandIn.toPlan(robot);
        robot.clickOn("#wizard-next"); // Install
        @SuppressWarnings("unchecked")
        ListView<dev.arcrun.app.console.ConsoleLine> console = robot.lookup("#console-list").queryAs(ListView.class);
        // wrangler says "Total Upload" just before the upload the stand-in holds back
        waitUntil(300, () -> console.getItems().stream().anyMatch(l -> l.source().equals("arcrun-cypher-executor")
                && l.text().contains("Total Upload")));

        robot.clickOn("#cancel-install");
        waitUntil(60, () -> robot.lookup("#install-failure").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#install-cause").queryAs(Label.class).getText()).isEqualTo(i18n.get("cf.install.cancelled"));
        assertThat(robot.lookup("#step-deploy.step-state-pending").tryQuery().isPresent()
                || robot.lookup("#step-deploy.step-state-failed").tryQuery().isPresent()).as("deploy not done").isTrue();
        assertThat(robot.lookup("#step-provision.step-state-done").tryQuery()).isPresent();
        assertThat(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled()).isTrue();

        int namespacesBefore = cf.state().namespaces(cf.accountId()).size();
        robot.clickOn("#try-again");
        waitUntil(600, () -> robot.lookup("#step-check.step-state-warning").tryQuery().isPresent()
                || robot.lookup("#install-failure").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#step-check.step-state-warning").tryQuery()).as(texts(robot, "#install-failure").toString()).isPresent();
        assertThat(robot.lookup("#step-provision.step-state-skipped").tryQuery()).as("resumed, not redone").isPresent();
        assertThat(cf.state().namespaces(cf.accountId())).hasSize(namespacesBefore);
        robot.clickOn("#wizard-next");
        assertThat(robot.lookup("#engine-url").queryAs(TextField.class).getText()).isEqualTo(WORKERS_URL);
    }
}
