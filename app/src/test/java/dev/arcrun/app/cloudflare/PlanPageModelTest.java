package dev.arcrun.app.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.CurrentThreadTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.install.DryRun;
import dev.arcrun.core.install.StepId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PlanPageModelTest {
    private final FakeSetup setup = new FakeSetup();
    private final InstallDraft draft = new InstallDraft();

    private PlanPageModel page(Locale locale) {
        return new PlanPageModel(new CurrentThreadTaskExecutor(), setup, draft, new I18n(locale));
    }

    @Test
    void showsCoresPlanInTheUsersLanguage() {
        setup.plan = List.of(
                new DryRun.Item(StepId.VERIFY, "token is active; account Ada's account; all permissions present"),
                new DryRun.Item(StepId.PROVISION, "would-create KV namespace arcrun-credentials"),
                new DryRun.Item(StepId.PROVISION, "exists R2 bucket arcrun-components"),
                new DryRun.Item(StepId.SUBDOMAIN, "use ada.workers.dev"),
                new DryRun.Item(StepId.FETCH, "fetch the engine from the engine built into this app"),
                new DryRun.Item(StepId.DEPLOY, "something core will say one day"));
        PlanPageModel en = page(Locale.ENGLISH);
        en.enter();
        assertThat(en.validProperty().get()).isTrue();
        assertThat(en.rows()).extracting(PlanPageModel.Row::action).containsExactly(
                "The token works with the account \"Ada's account\" and has every permission needed",
                "Create the storage \"arcrun-credentials\"",
                "Reuse the existing file bucket \"arcrun-components\"",
                "The engine will be reachable under ada.workers.dev",
                "Use the engine that comes with this app",
                "something core will say one day");
        assertThat(en.rows().get(1).step()).isEqualTo("Create or reuse the storage (KV and R2)");

        PlanPageModel zh = page(Locale.TRADITIONAL_CHINESE);
        zh.enter();
        assertThat(zh.rows().get(1).action()).isEqualTo("建立儲存空間「arcrun-credentials」");
    }

    @Test
    void anAccountWithoutWorkersDevBlocksTheInstall() {
        setup.plan = List.of(new DryRun.Item(StepId.SUBDOMAIN, "STOP: the account has no workers.dev subdomain yet"));
        PlanPageModel page = page(Locale.ENGLISH);
        page.enter();
        assertThat(page.validProperty().get()).isFalse();
        assertThat(page.rows().getFirst().blocking()).isTrue();
        assertThat(page.errorProperty().get()).isNotEmpty();
    }

    @Test
    void aFailedLookUpShowsCoresMessageAndAdvice() {
        FakeSetup failing = new FakeSetup() {
            @Override
            public List<DryRun.Item> plan(String token, dev.arcrun.core.install.InstallOptions options) {
                throw new UserFacingException("The bundle source /gone.tar.gz is not an existing file.", "Choose the file again.");
            }
        };
        PlanPageModel page = new PlanPageModel(new CurrentThreadTaskExecutor(), failing, draft, new I18n(Locale.ENGLISH));
        page.enter();
        assertThat(page.validProperty().get()).isFalse();
        assertThat(page.errorProperty().get()).isEqualTo("The bundle source /gone.tar.gz is not an existing file. Choose the file again.");
    }
}
