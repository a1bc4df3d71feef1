package dev.arcrun.app.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.FxTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.app.shell.AppContext;
import dev.arcrun.app.theme.ThemeManager;
import dev.arcrun.core.config.AppHome;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import dev.arcrun.testkit.cloudflare.WorkerDeployEndpoints;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the wizard's TestFX tests stand on: the contract-checked Cloudflare stand-in that also takes wrangler's
 * deploys, an app folder with a file secret store, and the app context a start of the app would get. Closing it
 * fails the test on any request or answer outside Cloudflare's schema.
 */
public final class WizardStandIn implements AutoCloseable {
    public final CloudflareStandIn cf;
    public final FileSecretStore secrets;
    private final Path root;
    private final FxTaskExecutor executor;

    private WizardStandIn(Path root, int threads) {
        this.root = root;
        cf = CloudflareStandIn.builder().validateContract().start();
        WorkerDeployEndpoints.installOn(cf);
        secrets = new FileSecretStore(new AppHome(root), "tests use a file");
        executor = new FxTaskExecutor(threads);
    }

    public static WizardStandIn start(Path root) {
        return new WizardStandIn(root, 4);
    }

    /** One start of the app: the same app folder each time, its own list of running work. */
    public AppContext context(I18n i18n) {
        return new AppContext(new AppHome(root), executor, Platform::runLater, i18n, () -> secrets,
                ToolchainManager::forTests, Map.of("CLOUDFLARE_API_BASE_URL", cf.baseUrl().toString()));
    }

    /** The wizard alone in the stage, at the size the window opens with. */
    public void showWizard(Stage stage, I18n i18n, Consumer<String> browser) {
        AppContext context = context(i18n);
        Node wizard = CloudflareWizard.create(context, new CoreCloudflareSetup(context), browser);
        Scene scene = new Scene(new StackPane(wizard), 1100, 760);
        new ThemeManager().apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    /** Types the stand-in's token, checks it and waits until the wizard says it works. */
    public void checkToken(FxRobot robot) throws Exception {
        robot.clickOn("#token-field").write(cf.token());
        robot.clickOn("#check-token");
        waitUntil(30, () -> robot.lookup("#token-ok").queryAs(Label.class).isVisible());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the answer is applied in one UI-thread task: let it end
    }

    /** From a checked token past the options (the defaults) to the plan, and waits until Install can be pressed. */
    public static void toPlan(FxRobot robot) throws Exception {
        robot.clickOn("#wizard-next"); // options
        robot.clickOn("#wizard-next"); // plan
        waitUntil(60, () -> !robot.lookup("#wizard-next").queryAs(Button.class).isDisabled());
    }

    public static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    @Override
    public void close() {
        try {
            assertThat(cf.contractViolations()).isEmpty();
        } finally {
            executor.close();
            cf.close();
        }
    }
}
