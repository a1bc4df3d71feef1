package dev.arcrun.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /auth/recipes}: the services credentials can be set up for. */
public final class ServicesApi {
    private final EngineHttp http;
    private final CredentialsApi credentials;

    ServicesApi(EngineHttp http, CredentialsApi credentials) {
        this.http = http;
        this.credentials = credentials;
    }

    /** Every service (auth recipe), page after page. */
    public List<ServiceSummary> list() {
        return Pages.all(cursor -> Json.pageOf(http.get(Pages.query("/auth/recipes", null, cursor, null), true), "recipes",
                ServiceSummary.class, "GET /auth/recipes"));
    }

    public Recipe recipe(String service) {
        String path = "/auth/recipes/" + EngineHttp.segment(service);
        return Json.as(Json.unwrap(http.get(path, true), "recipe"), Recipe.class, "GET " + path);
    }

    /**
     * Makes the recipe's test call with the stored credentials; a refused call is a result with
     * {@code success=false}, not an exception.
     */
    public ServiceTestResult test(String service) {
        String path = "/auth/recipes/" + EngineHttp.segment(service) + "/test";
        JsonNode answer = http.send("POST", path, null, true, http.timeout(), b -> b.has("service") && b.has("status"));
        return Json.as(answer, ServiceTestResult.class, "POST " + path);
    }

    /** Stores a recipe as it is (seeding, custom services). */
    public void put(String service, JsonNode recipe) {
        http.send("PUT", "/auth/recipes/" + EngineHttp.segment(service), recipe, true);
    }

    /**
     * Sets a service up: maps the user's values onto the recipe's prefixed secret keys (both {@code api_key} and
     * {@code openai_api_key} are accepted for OpenAI), then pushes each as an encrypted credential.
     *
     * @return the credential names pushed, in the recipe's order
     */
    public List<String> setup(String service, Map<String, Secret> values) {
        return setup(recipe(service), values);
    }

    /** As {@link #setup(String, Map)}, with a recipe already fetched (e.g. to prompt for its secrets first). */
    public List<String> setup(Recipe recipe, Map<String, Secret> values) {
        Map<String, Secret> byKey = mapValues(recipe, values);
        for (Map.Entry<String, Secret> e : byKey.entrySet()) {
            credentials.push(e.getKey(), e.getValue());
        }
        return List.copyOf(byKey.keySet());
    }

    /** The short name a user may type for a prefixed key: {@code openai_api_key} → {@code api_key}. */
    public static String alias(String service, String key) {
        String prefix = service + "_";
        return key.startsWith(prefix) && key.length() > prefix.length() ? key.substring(prefix.length()) : key;
    }

    /** Every required key gets exactly one value; unknown names and missing values are refused before anything is sent. */
    static Map<String, Secret> mapValues(Recipe recipe, Map<String, Secret> values) {
        Map<String, String> keyByName = new LinkedHashMap<>();
        for (RequiredSecret s : recipe.requiredSecrets()) {
            keyByName.put(s.key(), s.key());
            keyByName.putIfAbsent(alias(recipe.service(), s.key()), s.key());
        }
        Map<String, Secret> byKey = new LinkedHashMap<>();
        for (Map.Entry<String, Secret> e : values.entrySet()) {
            String key = keyByName.get(e.getKey());
            if (key == null) {
                throw new ArcrunException(ArcrunException.Kind.SECRET_UNKNOWN, e.getKey(),
                        List.of(recipe.service(), expected(recipe)),
                        "'" + e.getKey() + "' is not a secret of " + recipe.service() + ".",
                        "It expects: " + expected(recipe) + ".", null);
            }
            if (byKey.putIfAbsent(key, e.getValue()) != null) {
                throw new ArcrunException(ArcrunException.Kind.SECRET_TWICE, key, "Two values were given for " + key + ".", "Give each secret once.");
            }
        }
        List<String> missing = new ArrayList<>();
        for (RequiredSecret s : recipe.requiredSecrets()) {
            if (!byKey.containsKey(s.key())) {
                missing.add(s.key());
            }
        }
        if (!missing.isEmpty()) {
            throw new ArcrunException(ArcrunException.Kind.SECRETS_MISSING, String.join(", ", missing),
                    List.of(recipe.service(), expected(recipe)),
                    "Missing " + String.join(", ", missing) + " for " + recipe.service() + ".",
                    "It expects: " + expected(recipe) + ".", null);
        }
        // In the recipe's order, whatever order the user typed them in.
        Map<String, Secret> ordered = new LinkedHashMap<>();
        recipe.requiredSecrets().forEach(s -> ordered.put(s.key(), byKey.get(s.key())));
        return ordered;
    }

    private static String expected(Recipe recipe) {
        List<String> parts = new ArrayList<>();
        for (RequiredSecret s : recipe.requiredSecrets()) {
            String alias = alias(recipe.service(), s.key());
            parts.add(alias.equals(s.key()) ? s.key() : alias + " (or " + s.key() + ")");
        }
        return parts.isEmpty() ? "no secrets" : String.join(", ", parts);
    }
}
