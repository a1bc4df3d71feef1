package dev.arcrun.core.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every seed file against its JSON Schema, and the cross-checks a schema cannot express. */
class EngineSeedsTest {

    static final Path SEEDS = Path.of("../engine/seeds");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern SECRET_REF = Pattern.compile("\\{\\{\\s*(?:basic:|secret\\.)?([A-Za-z0-9_:]+)\\s*}}");

    @Test
    void everySeedFileMatchesItsSchema() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (String kind : List.of("auth-recipe", "api-recipe", "component")) {
            JsonSchema schema = schema(kind);
            for (Path file : files(kind + "s")) {
                Set<ValidationMessage> errors = schema.validate(JSON.readTree(file.toFile()));
                assertThat(errors).as(file.toString()).isEmpty();
                counts.merge(kind, 1, Integer::sum);
            }
        }
        assertThat(counts.get("auth-recipe")).isGreaterThanOrEqualTo(20);
        assertThat(counts.get("api-recipe")).isGreaterThanOrEqualTo(10);
        assertThat(counts.get("component")).isGreaterThanOrEqualTo(16);
    }

    @Test
    void theSchemasRefuseWhatTheEngineWouldRefuse() throws IOException {
        JsonNode openai = JSON.readTree(SEEDS.resolve("auth-recipes/openai.json").toFile());
        JsonNode noHosts = openai.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) noHosts).remove("hosts");
        assertThat(schema("auth-recipe").validate(noHosts)).isNotEmpty();
        JsonNode plural = openai.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) plural.path("inject")).set("headers", plural.path("inject").path("header"));
        assertThat(schema("auth-recipe").validate(plural)).as("inject.headers (plural) is not the format").isNotEmpty();
    }

    @Test
    void recipesAreConsistentAcrossFiles() throws IOException {
        Map<String, JsonNode> auth = new HashMap<>();
        for (Path file : files("auth-recipes")) {
            JsonNode r = JSON.readTree(file.toFile());
            String service = r.path("service").asText();
            assertThat(file.getFileName().toString()).isEqualTo(service + ".json");
            Set<String> keys = new HashSet<>();
            r.path("required_secrets").forEach(s -> keys.add(s.path("key").asText()));
            assertThat(keys).as(service + " secret keys are prefixed by the service").allMatch(k -> k.startsWith(service + "_"));
            if (r.has("token_exchange")) keys.add(service + "_access_token");
            List<String> templates = new ArrayList<>();
            r.path("inject").forEach(part -> part.forEach(v -> templates.add(v.asText())));
            templates.add(r.at("/test/url").asText());
            for (String t : templates) {
                Matcher m = SECRET_REF.matcher(t);
                while (m.find()) for (String k : m.group(1).split(":")) assertThat(keys).as(service + " uses " + k).contains(k);
            }
            assertThat(hosts(r)).as(service + " test call goes to one of its hosts").contains(host(r.at("/test/url").asText()));
            auth.put(service, r);
        }
        for (String must : List.of("openai", "anthropic", "github", "slack", "telegram", "line", "discord", "notion",
                "airtable", "stripe", "sendgrid", "twilio", "google_service_account")) {
            assertThat(auth).containsKey(must);
        }
        Set<String> contracts = new HashSet<>();
        for (Path file : files("components")) contracts.add(JSON.readTree(file.toFile()).path("canonical_id").asText());
        for (Path file : files("api-recipes")) {
            JsonNode r = JSON.readTree(file.toFile());
            String id = r.path("id").asText();
            JsonNode service = auth.get(r.path("service").asText());
            assertThat(service).as(id + " names an existing service").isNotNull();
            assertThat(hosts(service)).as(id + " calls one of its service's hosts").contains(host(r.at("/request/url").asText()));
            assertThat(contracts).as(id + " has a component contract").contains(id);
        }
        assertThat(contracts).contains("template", "pick", "if", "http_request", "text_upper", "word_count");
    }

    private static Set<String> hosts(JsonNode recipe) {
        Set<String> out = new HashSet<>();
        recipe.path("hosts").forEach(h -> out.add(h.asText()));
        return out;
    }

    private static String host(String url) {
        return URI.create(url.replaceAll("\\{\\{[^}]*}}", "x")).getHost();
    }

    private static JsonSchema schema(String kind) throws IOException {
        JsonNode node = JSON.readTree(SEEDS.resolve("schemas/" + kind + ".schema.json").toFile());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    }

    private static List<Path> files(String folder) throws IOException {
        try (var s = Files.list(SEEDS.resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
