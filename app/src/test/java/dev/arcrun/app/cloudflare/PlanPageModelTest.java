package dev.arcrun.app.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.app.common.CurrentThreadTaskExecutor;
import dev.arcrun.app.common.I18n;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.core.install.DryRun;
import dev.arcrun.core.install.PlanAction;
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
                new DryRun.Item(StepId.VERIFY, new PlanAction.TokenReady("Ada's account")),
                new DryRun.Item(StepId.PROVISION, new PlanAction.KvNamespace(false, "arcrun-credentials")),
                new DryRun.Item(StepId.PROVISION, new PlanAction.R2Bucket(true, "arcrun-components")),
                new DryRun.Item(StepId.SUBDOMAIN, new PlanAction.UseSubdomain("ada")),
                new DryRun.Item(StepId.FETCH, new PlanAction.FetchBuiltin()),
                new DryRun.Item(StepId.DEPLOY, new PlanAction.Deploy(List.of("arcrun-registry", "arcrun-cypher-executor"))));
        PlanPageModel en = page(Locale.ENGLISH);
        en.enter();
        assertThat(en.validProperty().get()).isTrue();
        assertThat(en.rows()).extracting(PlanPageModel.Row::action).containsExactly(
                "The token works with the account \"Ada's account\" and has every permission needed",
                "Create the storage \"arcrun-credentials\" (a KV namespace)",
                "Reuse the existing file bucket \"arcrun-components\" (R2)",
                "The engine will be reachable under ada.workers.dev",
                "Use the engine that comes with this app",
                "Upload the engine (arcrun-registry, arcrun-cypher-executor) with its keys");
        assertThat(en.rows().get(1).step()).as("core's step title").isEqualTo("Create or reuse KV namespaces and the R2 bucket");

        PlanPageModel zh = page(Locale.TRADITIONAL_CHINESE);
        zh.enter();
        assertThat(zh.rows().get(1).action()).isEqualTo("建立儲存空間「arcrun-credentials」（KV 命名空間）");
        assertThat(zh.rows().getFirst().action()).isEqualTo("權杖可以使用帳號「Ada's account」，且具備所有需要的權限");
        assertThat(zh.rows().get(1).step()).isEqualTo("建立或沿用 KV 命名空間與 R2 儲存桶");
    }

    @Test
    void aTokenWithoutAPermissionBlocksTheInstallAndNamesIt() {
        setup.plan = List.of(new DryRun.Item(StepId.VERIFY, new PlanAction.PermissionsMissing("Ada",
                List.of(dev.arcrun.core.cloudflare.PermissionGroup.WORKERS_R2_STORAGE_EDIT))));
        PlanPageModel page = page(Locale.ENGLISH);
        page.enter();
        assertThat(page.validProperty().get()).isFalse();
        assertThat(page.rows().getFirst().action()).contains("Account › Workers R2 Storage › Edit");
    }

    @Test
    void anAccountWithoutWorkersDevBlocksTheInstall() {
        setup.plan = List.of(new DryRun.Item(StepId.SUBDOMAIN, new PlanAction.NoSubdomain()));
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
                throw new UserFacingException(dev.arcrun.core.Failure.of(dev.arcrun.core.Failure.Code.SOURCE_UNKNOWN, "/gone.tar.gz"),
                        dev.arcrun.core.Advice.of(dev.arcrun.core.Advice.Code.WRANGLER_CONFIG_FIX));
            }
        };
        PlanPageModel page = new PlanPageModel(new CurrentThreadTaskExecutor(), failing, draft, new I18n(Locale.ENGLISH));
        page.enter();
        assertThat(page.validProperty().get()).isFalse();
        assertThat(page.errorProperty().get()).isEqualTo("The bundle source /gone.tar.gz is neither a URL, OWNER/REPO@REF nor an existing file. "
                + "The bundle is broken: fix the file, or use another bundle.");
    }
}
