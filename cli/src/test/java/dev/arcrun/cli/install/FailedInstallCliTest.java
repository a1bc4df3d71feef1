package dev.arcrun.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arcrun.core.config.FileSecretStore;
import dev.arcrun.core.config.JournalEntry;
import dev.arcrun.core.deploy.ToolchainManager;
import dev.arcrun.testkit.cloudflare.RequestMatcher;
import dev.arcrun.testkit.cloudflare.StandInToken;
import dev.arcrun.testkit.cloudflare.TokenPermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An install that failed can always be seen, finished or removed. */
class FailedInstallCliTest {
    @RegisterExtension
    final StandInCli cli = new StandInCli();

    private void useToken(String token) {
        InstallEnvironment.use(Map.of("CLOUDFLARE_API_TOKEN", token, "CLOUDFLARE_API_BASE_URL", cli.cf.baseUrl().toString()),
                h -> new FileSecretStore(h, "tests use a file"), h -> ToolchainManager.forTests());
    }

    @Test
    void anInstallThatFailedAtVerifyIsShownUnfinishedAndRemovedWithoutAskingCloudflare() {
        useToken(cli.cf.addToken(StandInToken.user(StandInToken.randomValue()).without(TokenPermission.WORKERS_R2_STORAGE_EDIT)));
        var failed = cli.run("install", "--target", "cloudflare");
        assertThat(failed.exit()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.out()).as("the cause is shown above the closing line").contains("✗", "Workers R2 Storage");
        assertThat(cli.store().find("cloudflare")).isPresent();

        var status = cli.run("status");
        assertThat(status.out()).contains("cloudflare (cloudflare)", "unfinished", "stopped at: verify",
                "arcrun install --target cloudflare --resume --name cloudflare", "arcrun uninstall");
        String englishTitle = dev.arcrun.cli.i18n.Words.ENGLISH.step(dev.arcrun.core.install.StepId.VERIFY);
        assertThat(status.out()).contains(englishTitle);
        var zhTitle = new dev.arcrun.cli.i18n.Words(java.util.Locale.forLanguageTag("zh-TW"))
                .step(dev.arcrun.core.install.StepId.VERIFY);
        var zhEnv = new java.util.HashMap<>(cli.env());
        zhEnv.put("LANG", "zh_TW.UTF-8");
        // the process's words, as ArcrunCli reads them from LANG
        dev.arcrun.cli.i18n.Words.setCurrent(new dev.arcrun.cli.i18n.Words(dev.arcrun.cli.i18n.Words.localeOf(zhEnv)));
        try {
            var zhStatus = cli.run("status");
            assertThat(zhStatus.out()).as("the step title follows LANG").contains("停在：　　verify（" + zhTitle + "）", "尚未完成", "arcrun install --target cloudflare --resume --name cloudflare")
                    .doesNotContain(englishTitle).doesNotContain("stopped at").doesNotContain("next:");
            assertThat(cli.run("status", "--json").json().path("installs").path(0).path("stopped_at_title").asText())
                    .as("--json does not depend on the locale").isEqualTo(englishTitle);
        } finally {
            dev.arcrun.cli.i18n.Words.setCurrent(null);
        }
        JsonNode one = cli.run("status", "--json").json().path("installs").path(0);
        assertThat(one.path("complete").asBoolean(true)).isFalse();
        assertThat(one.path("health").asText()).isEqualTo("unfinished");
        assertThat(one.path("stopped_at").asText()).isEqualTo("verify");

        var preview = cli.run("uninstall");
        assertThat(preview.exit()).isEqualTo(1);
        assertThat(preview.out()).contains("created nothing in Cloudflare", "the account is not known yet")
                .doesNotContain("null");
        JsonNode previewJson = cli.run("uninstall", "--json").json();
        assertThat(previewJson.path("would_remove").toString()).doesNotContain("account null");

        int before = cli.cf.exchanges().size();
        var gone = cli.run("uninstall", "--confirm", "cloudflare");
        assertThat(gone.exit()).as(gone.toString()).isZero();
        assertThat(gone.out()).contains("is gone");
        assertThat(cli.cf.exchanges()).as("Cloudflare is not asked").hasSize(before);
        assertThat(cli.store().find("cloudflare")).isEmpty();
        assertThat(cli.run("status", "--json").json().path("installs")).isEmpty();
    }

    @Test
    void anInstallThatCreatedThingsIsUninstalledByItsJournal() {
        cli.cf.faults().serverError(RequestMatcher.of("POST", ".*/r2/buckets"), 10_000, 500);
        var failed = cli.run("install", "--target", "cloudflare");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(cli.config().journal()).filteredOn(e -> e.kind() == JournalEntry.Kind.KV_NAMESPACE).hasSize(7);
        assertThat(cli.run("status").out()).contains("stopped at: provision");

        var preview = cli.run("uninstall");
        assertThat(preview.out()).contains("account " + cli.cf.accountId(), "kv namespace arcrun-credentials");
        var gone = cli.run("uninstall", "--json", "--confirm", "cloudflare");
        assertThat(gone.exit()).as(gone.toString()).isZero();
        assertThat(gone.json().path("complete").asBoolean()).isTrue();
        assertThat(gone.json().path("removed").toString()).contains("KV namespace arcrun-credentials");
        assertThat(cli.cf.state().namespaces(cli.cf.accountId())).isEmpty();
        assertThat(cli.store().find("cloudflare")).isEmpty();
    }

    @Test
    void prefixesWithAndWithoutTheDashAreOneInstallAndAnotherPrefixIsRefused() {
        // fails at seed: the prefix is recorded by then
        cli.cf.faults().rateLimit(RequestMatcher.of("PUT", ".*/storage/kv/namespaces/[^/]+/bulk"), 10_000, 1);
        assertThat(cli.run("install", "--target", "cloudflare", "--prefix", "team2").exit()).isEqualTo(1);
        assertThat(cli.store().names()).containsExactly("cloudflare-team2");
        assertThat(cli.cf.state().namespaces(cli.cf.accountId())).allMatch(n -> n.title().startsWith("team2-"));
        assertThat(cli.store().load("cloudflare-team2").resources().prefix()).isEqualTo("team2-");

        var refused = cli.run("install", "--target", "cloudflare", "--prefix", "other-", "--name", "cloudflare-team2");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("already uses the prefix 'team2-', not 'other-'");

        cli.cf.faults().clear();
        var again = cli.run("install", "--target", "cloudflare", "--prefix", "team2-", "--resume");
        assertThat(again.exit()).as(again.toString()).isEqualTo(StandInCli.NOT_ANSWERING);
        assertThat(cli.store().names()).containsExactly("cloudflare-team2");
        assertThat(cli.cf.state().namespaces(cli.cf.accountId())).hasSize(7);
    }
}
