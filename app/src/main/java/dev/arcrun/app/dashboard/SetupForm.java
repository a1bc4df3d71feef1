package dev.arcrun.app.dashboard;

import dev.arcrun.sdk.Recipe;
import dev.arcrun.sdk.RequiredSecret;
import dev.arcrun.sdk.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Set up" dialog as data: one hidden field per secret the recipe requires, in the recipe's order. The typed
 * values map onto the recipe's keys ({@code openai_api_key}), which is what {@code services().setup} stores.
 */
public record SetupForm(Recipe recipe, List<Field> fields) {

    /** One field: the credential it becomes and the label the recipe gives it. */
    public record Field(String key, String label) {
        /** A secret that is a whole file (a service account's JSON key): the dialog offers a file picker for it. */
        public boolean wholeFile() {
            return key.endsWith("_json") || label.toLowerCase(java.util.Locale.ROOT).contains("json file");
        }
    }

    public static SetupForm of(Recipe recipe) {
        return new SetupForm(recipe, recipe.requiredSecrets().stream()
                .map((RequiredSecret s) -> new Field(s.key(), s.label() == null || s.label().isBlank() ? s.key() : s.label()))
                .toList());
    }

    /** The keys whose value is empty, in form order; the form may be saved only when there are none. */
    public List<String> missing(Map<String, String> typed) {
        return fields.stream().map(Field::key).filter(k -> typed.getOrDefault(k, "").isBlank()).toList();
    }

    /** The values by recipe key, as the SDK takes them. */
    public Map<String, Secret> values(Map<String, String> typed) {
        if (!missing(typed).isEmpty()) {
            throw new IllegalStateException("values missing for " + missing(typed));
        }
        Map<String, Secret> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f.key(), Secret.of(typed.get(f.key()))));
        return out;
    }
}
