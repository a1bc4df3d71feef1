package dev.arcrun.app;

import static dev.arcrun.app.cloudflare.WizardStandIn.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.cloudflare.WizardStandIn;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.shell.CloseGuard;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.InstallConfigStore;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.RequestMatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the window during an install asks first; "Stop and close" stops it where it can be finished, and the next
 * start offers to finish it (banner and dashboard), which completes it against the Cloudflare stand-in with the
 * real wrangler, without asking for the token again.
 */
@ExtendWith(ApplicationExtension.class)
class FinishInstallTest {
    @TempDir
    Path root;

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private WizardStandIn standIn;
    private CloudflareStandIn cf;
    private Stage first;

    @Start
    void start(Stage stage) {
        first = stage;
        standIn = WizardStandIn.start(root);
        cf = standIn.cf;
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private AppContext context() {
        return standIn.context(i18n);
    }

    @Test
    void closingMidInstallAsksAndTheNextStartOffersFinishInstallWhichCompletesIt(FxRobot robot) throws Exception {
        AppContext one = context();
        robot.interact(() -> ArcrunApp.open(first, one, url -> { }, CloseGuard.dialog(first, i18n)));
        cf.faults().slow(RequestMatcher.of("PUT", "/accounts/[^/]+/workers/scripts/arcrun-cypher-executor"), 1, Duration.ofMinutes(2));
        robot.clickOn("#open-cloudflare");
        standIn.checkToken(robot);
        WizardStandIn.toPlan(robot);
        robot.clickOn("#wizard-next"); // Install
        @SuppressWarnings("unchecked")
        ListView<dev.arcrun.app.console.ConsoleLine> console = robot.lookup("#console-list").queryAs(ListView.class);
        waitUntil(300, () -> console.getItems().stream().anyMatch(l -> l.source().equals("arcrun-cypher-executor")
                && l.text().contains("Total Upload"))); // the upload the stand-in holds back comes next

        Node failure = robot.lookup("#install-failure").query(); // a closed window's nodes are not looked up any more
        // the window manager's close button; the dialog blocks inside the handler, so it is posted
        Platform.runLater(() -> {
            WindowEvent close = new WindowEvent(first, WindowEvent.WINDOW_CLOSE_REQUEST);
            first.fireEvent(close);
            if (!close.isConsumed()) {
                first.hide();
            }
        });
        waitUntil(10, () -> robot.lookup("#" + CloseGuard.STOP_BUTTON_ID).tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("#" + CloseGuard.STOP_BUTTON_ID).query().getScene().getWindow().isShowing());
        assertThat(robot.lookup(".content").queryAs(Label.class).getText()).contains("Installing \"cloudflare\"");
        Button stop = robot.lookup("#" + CloseGuard.STOP_BUTTON_ID).queryButton();
        robot.interact(stop::fire); // a robot click can miss a dialog still being laid out on a loaded machine
        waitUntil(60, () -> !first.isShowing() && one.activities().running().isEmpty()
                && failure.isVisible());
        assertThat(new InstallConfigStore(new AppHome(root)).load("cloudflare").bundle()).as("not finished").isNull();

        // the next start
        Stage second = WaitForAsyncUtils.asyncFx((Callable<Stage>) Stage::new).get(10, TimeUnit.SECONDS);
        AppContext two = context();
        robot.interact(() -> ArcrunApp.open(second, two, url -> { }, CloseGuard.dialog(second, i18n)));
        waitUntil(10, () -> shown(robot.lookup("#resume-banner").queryAs(Node.class)));
        assertThat(robot.lookup("#resume-text-cloudflare").queryAs(Label.class).getText())
                .isEqualTo("Your install into Cloudflare (\"cloudflare\") stopped at \"Deploy the workers and their secrets\". "
                        + "Finish it with the choices you made.");

        robot.clickOn("#nav-dashboard");
        waitUntil(10, () -> shown(robot.lookup("#install-unfinished").queryAs(Node.class)));
        assertThat(robot.lookup("#install-unfinished").queryAs(Label.class).getText()).contains("stopped at");
        assertThat(shown(robot.lookup("#finish-install").queryAs(Button.class))).isTrue();
        assertThat(robot.lookup("#maint-finish-install").queryAs(Button.class).isManaged()).as("Finish install in Maintenance").isTrue();
        assertThat(robot.lookup("#update-button").queryAs(Button.class).getParent().isManaged()).as("instead of Update").isFalse();

        robot.clickOn("#resume-finish-cloudflare");
        waitUntil(10, () -> robot.lookup("#cf-install-page").tryQuery().map(FinishInstallTest::shown).orElse(false));
        assertThat(robot.lookup("#token-field").tryQuery().map(Node::isVisible)).as("the token is kept: not asked again")
                .isNotEqualTo(java.util.Optional.of(true));
        waitUntil(600, () -> robot.lookup("#step-check.step-state-warning").tryQuery().isPresent()
                || robot.lookup("#install-failure").queryAs(Node.class).isVisible());
        assertThat(robot.lookup("#install-failure").queryAs(Node.class).isVisible())
                .as(robot.lookup("#install-failure").lookup(".label").queryAllAs(Labeled.class).stream().map(Labeled::getText).toList().toString())
                .isFalse();
        assertThat(robot.lookup("#step-provision.step-state-skipped").tryQuery()).as("resumed, not redone").isPresent();
        assertThat(robot.lookup("#step-deploy.step-state-done").tryQuery()).isPresent();
        assertThat(new InstallConfigStore(new AppHome(root)).load("cloudflare").bundle()).as("finished").isNotNull();

        robot.clickOn("#wizard-next");
        robot.clickOn("#done-open-dashboard");
        waitUntil(10, () -> robot.lookup("#engine-health").tryQuery().map(FinishInstallTest::shown).orElse(false)
                && !shown(robot.lookup("#install-unfinished").queryAs(Node.class)));
        assertThat(shown(robot.lookup("#resume-banner").queryAs(Node.class))).as("nothing left to finish").isFalse();
    }

    /** Visible, and so is everything around it. */
    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
