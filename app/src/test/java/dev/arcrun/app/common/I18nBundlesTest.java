package dev.arcrun.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every key the code asks for exists in both languages, and the two bundles have the same keys. */
class I18nBundlesTest {
    /** i18n.get("key") and the label keys of sidebar pages: new Page("id", "key", …). */
    private static final Pattern KEY_USE = Pattern.compile("(?:i18n\\(\\))?\\.get\\(\"([a-z0-9_.]+)\"|new Page\\(\"[^\"]+\", \"([a-z0-9_.]+)\"");

    @Test
    void bothBundlesHaveTheSameKeysAndEveryUsedKey() throws IOException {
        Set<String> en = load("/dev/arcrun/app/i18n/messages.properties");
        Set<String> zh = load("/dev/arcrun/app/i18n/messages_zh_TW.properties");
        assertThat(zh).isEqualTo(en);

        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!key.endsWith(".")) { // a prefix completed at run time ("step." + id): its feature's tests check those
                        used.add(key);
                    }
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(en).containsAll(used);
    }

    private static Set<String> load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundlesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames();
    }
}
