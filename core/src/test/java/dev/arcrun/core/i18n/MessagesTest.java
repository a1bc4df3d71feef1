package dev.arcrun.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.cloudflare.PermissionGroup;
import dev.arcrun.core.install.PlanAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Core's catalog: both languages have every key, every key is used, and every plan fact renders in both. */
class MessagesTest {
    /** One of each kind of plan line, so a new kind without a sentence fails here. */
    static final List<PlanAction> EVERY_PLAN_ACTION = List.of(
            new PlanAction.UseToolchain("22.1.0", "4.164.0"),
            new PlanAction.InstallToolchain("22.1.0", "4.164.0", Path.of("/tmp/tools")),
            new PlanAction.TokenReady("Ada"),
            new PlanAction.PermissionsMissing("Ada", List.of(PermissionGroup.WORKERS_R2_STORAGE_EDIT)),
            new PlanAction.KvNamespace(false, "arcrun-credentials"), new PlanAction.KvNamespace(true, "arcrun-credentials"),
            new PlanAction.R2Bucket(false, "arcrun-components"), new PlanAction.R2Bucket(true, "arcrun-components"),
            new PlanAction.UseSubdomain("ada"), new PlanAction.NoSubdomain(),
            new PlanAction.FetchBuiltin(), new PlanAction.FetchFrom("https://example.test/engine.tar.gz"),
            new PlanAction.KeepKeys(), new PlanAction.NewKeys(),
            new PlanAction.Deploy(List.of("arcrun-registry", "arcrun-cypher-executor")), new PlanAction.StartLocal(),
            new PlanAction.Seed(), new PlanAction.WriteConfig(false, Path.of("c.yaml")), new PlanAction.WriteConfig(true, Path.of("c.yaml")));

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/dev/arcrun/core/i18n/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveEveryKey() throws IOException {
        Set<String> en = load("messages.properties").stringPropertyNames();
        Set<String> zh = load("messages_zh_TW.properties").stringPropertyNames();
        assertThat(zh).containsExactlyInAnyOrderElementsOf(en);
    }

    @Test
    void everyKeyIsUsedByAFact() throws IOException {
        Set<String> used = EVERY_PLAN_ACTION.stream().map(a -> "plan." + a.code()).collect(Collectors.toCollection(TreeSet::new));
        used.addAll(dev.arcrun.core.engineclient.EngineErrorCodesTest.everyEngineFailureKey());
        assertThat(load("messages.properties").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void everyPlanFactRendersInBothLanguagesWithItsValues() {
        for (Locale locale : new Locale[] {Locale.ROOT, Locale.ENGLISH, Locale.TRADITIONAL_CHINESE}) {
            Messages m = new Messages(locale);
            for (PlanAction a : EVERY_PLAN_ACTION) {
                String text = m.render(a);
                assertThat(text).as("%s in %s", a, locale).doesNotStartWith("!").doesNotContain("{0}");
                for (Object v : a.args()) {
                    assertThat(text).as("%s shows %s", a.code(), v).contains(String.valueOf(v));
                }
            }
        }
        assertThat(new Messages(Locale.TRADITIONAL_CHINESE).render(new PlanAction.NewKeys())).isEqualTo("為引擎建立新的金鑰");
        assertThat(new Messages(Locale.GERMAN).render(new PlanAction.NewKeys()))
                .as("a language we do not have is English, not the machine's default").isEqualTo("Create new keys for the engine");
    }

    @Test
    void onlyBlockingFactsBlock() {
        assertThat(EVERY_PLAN_ACTION.stream().filter(PlanAction::blocking).map(PlanAction::code))
                .containsExactlyInAnyOrder("verify.missing", "subdomain.none");
        assertThat(Arrays.asList(PlanAction.class.getPermittedSubclasses()))
                .as("every kind of plan line is in EVERY_PLAN_ACTION")
                .allMatch(k -> EVERY_PLAN_ACTION.stream().anyMatch(k::isInstance));
    }
}
