package dev.arcrun.app.cloudflare;

import static dev.arcrun.app.cloudflare.WizardStandIn.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.I18n;
import dev.arcrun.core.cloudflare.Account;
import dev.arcrun.testkit.cloudflare.CloudflareStandIn;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A token that can use several accounts gets a picker (it used to be refused with "limit the token"); the chosen
 * account is the one checked, reviewed and installed into. Against the Cloudflare stand-in with two accounts.
 */
@ExtendWith(ApplicationExtension.class)
class AccountPickerTest {
    @TempDir
    Path root;

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private WizardStandIn standIn;
    private CloudflareStandIn cf;
    private String second;

    @Start
    void start(Stage stage) {
        standIn = WizardStandIn.start(root);
        cf = standIn.cf;
        second = cf.state().addAccount("Second Team").id();
        cf.state().setSubdomain(second, "second-team");
        standIn.showWizard(stage, i18n, url -> {
            throw new UnsupportedOperationException("no browser on this computer");
        });
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void severalAccountsOfferAPickerAndTheChosenOneIsReviewedByName(FxRobot robot) throws Exception {
        robot.clickOn("#token-field").write(cf.token());
        robot.clickOn("#check-token");
        @SuppressWarnings("unchecked")
        ComboBox<Account> picker = robot.lookup("#account-picker").queryAs(ComboBox.class);
        waitUntil(30, () -> !picker.getItems().isEmpty());
        assertThat(robot.lookup("#account-choice").queryAs(Node.class).isVisible()).isTrue();
        assertThat(picker.getItems()).extracting(Account::name).containsExactlyInAnyOrder("Arcrun Test Account", "Second Team");
        assertThat(robot.lookup("#token-error").queryAs(Label.class).getText()).as("a choice, not an error").isEmpty();
        assertThat(robot.lookup("#wizard-next").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#token-field").queryAs(PasswordField.class).getText()).as("kept until it is checked").isNotEmpty();

        robot.clickOn("#account-picker");
        robot.clickOn(picker.getConverter().toString(picker.getItems().stream().filter(a -> a.id().equals(second)).findFirst().orElseThrow()));
        waitUntil(30, () -> robot.lookup("#token-ok").queryAs(Label.class).isVisible());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the answer is applied in one UI-thread task: let it end
        assertThat(robot.lookup("#token-ok").queryAs(Label.class).getText()).contains("\"Second Team\"");
        assertThat(robot.lookup(".perm-granted").queryAllAs(Node.class)).hasSizeGreaterThanOrEqualTo(4);

        WizardStandIn.toPlan(robot);
        List<String> rows = robot.lookup("#plan-rows").lookup(".label").queryAllAs(Labeled.class).stream().map(Labeled::getText).toList();
        assertThat(rows).contains("The token works with the account \"Second Team\" and has every permission needed",
                "The engine will be reachable under second-team.workers.dev");
        assertThat(rows).noneMatch(r -> r.contains("account \"\""));
    }

    @Test
    void withoutABrowserTheTokenPageLinkIsThereToCopy(FxRobot robot) {
        assertThat(robot.lookup("#token-page-link-box").queryAs(Node.class).isVisible()).isFalse();
        robot.clickOn("#open-token-page");
        var link = robot.lookup("#token-page-link").queryAs(javafx.scene.control.TextField.class);
        assertThat(robot.lookup("#token-page-link-box").queryAs(Node.class).isVisible()).isTrue();
        assertThat(link.getText()).startsWith("https://").contains("permissionGroupKeys");
    }
}
