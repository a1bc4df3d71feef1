package dev.arcrun.cli.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arcrun.core.Advice;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The CLI's own catalog: both languages complete, every action of core's advice worded, no key unused. */
class WordsTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = WordsTest.class.getResourceAsStream("/dev/arcrun/cli/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveEveryKey() throws IOException {
        assertThat(load("messages_zh_TW.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\d+)[^}]*}");

    private static Set<String> placeholders(String pattern) {
        // quoted braces ('{' as in a JSON example) are text, not placeholders
        return PLACEHOLDER.matcher(pattern.replace("'{'", "").replace("'}'", "")).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
    }

    @Test
    void bothLanguagesTakeTheSameValuesAndQuoteApostrophes() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_TW.properties");
        for (String key : en.stringPropertyNames()) {
            for (Properties p : List.of(en, zh)) {
                String pattern = p.getProperty(key);
                // MessageFormat drops a lone ' silently: write '' for an apostrophe, '{' for a brace
                assertThat(pattern.replace("''", "").replace("'{'", "").replace("'}'", "")).as(key).doesNotContain("'");
                assertThat(new java.text.MessageFormat(pattern).format(new Object[] {"a", "b", "c", "d"}))
                        .as(key).doesNotContainPattern("\\{\\d");
            }
            assertThat(placeholders(zh.getProperty(key))).as("the values of %s", key).isEqualTo(placeholders(en.getProperty(key)));
        }
    }

    @Test
    void everyActionIsWordedAsACommandAndEveryKeyIsUsed() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> actions = Arrays.stream(Advice.Code.values()).filter(Advice.Code::action)
                .map(c -> Advice.of(c).key()).collect(Collectors.toSet());
        assertThat(keys).containsAll(actions);
        String sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        assertThat(keys.stream().filter(k -> !actions.contains(k))).allMatch(k -> sources.contains("\"" + k + "\""), "used");
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("zh-TW")}) {
            Words w = new Words(l);
            for (Advice.Code c : Advice.Code.values()) {
                if (c.action()) {
                    assertThat(w.advice(Advice.of(c, "a", "b"))).as("%s %s", c, l).doesNotStartWith("!").doesNotContain("{0}", "{1}");
                }
            }
        }
    }

    @Test
    void aCliProblemIsWordedWhenShownAndStaysEnglishForLogs() {
        CliProblem p = new CliProblem("selection.several", "selection.several.advice", "local, cloudflare");
        assertThat(p.getMessage()).isEqualTo("There are several installs: local, cloudflare.");
        assertThat(Words.ENGLISH.oneLine(p)).isEqualTo("There are several installs: local, cloudflare. "
                + "Say which one with --install NAME, or choose one for every command with: arcrun use NAME");
        assertThat(new Words(Locale.forLanguageTag("zh-TW")).oneLine(p))
                .isEqualTo("這裡有好幾個安裝：local, cloudflare。請用 --install NAME 指定其中一個，或用 arcrun use NAME 為所有指令選定一個。");
    }
}
