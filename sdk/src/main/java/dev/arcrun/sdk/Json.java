package dev.arcrun.sdk;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/** Maps engine JSON onto the typed records; a shape the client does not understand is reported, not guessed. */
final class Json {
    private Json() {}

    static <T> T as(JsonNode node, Class<T> type, String what) {
        try {
            return EngineHttp.JSON.treeToValue(node, type);
        } catch (IOException e) {
            throw unexpected(what, e);
        }
    }

    static <T> List<T> listOf(JsonNode body, String field, Class<T> type, String what) {
        JsonNode items = body.isArray() ? body : body.path(field);
        if (!items.isArray()) {
            throw unexpected(what, null);
        }
        JavaType listType = EngineHttp.JSON.getTypeFactory().constructCollectionType(List.class, type);
        try {
            return EngineHttp.JSON.readerFor(listType).readValue(items);
        } catch (IOException e) {
            throw unexpected(what, e);
        }
    }

    /** A page of a list: {@code body.field}, plus {@code cursor} and {@code truncated} (absent from older engines: one page). */
    static <T> Page<T> pageOf(JsonNode body, String field, Class<T> type, String what) {
        JsonNode cursor = body.path("cursor");
        return new Page<>(listOf(body, field, type, what), cursor.isTextual() ? cursor.asText() : null, body.path("truncated").asBoolean(false));
    }

    /** {@code body.field} when the engine wraps the object (e.g. {@code {success, recipe:{…}}}), else the body. */
    static JsonNode unwrap(JsonNode body, String field) {
        JsonNode inner = body.path(field);
        return inner.isObject() ? inner : body;
    }

    private static ArcrunException unexpected(String what, IOException e) {
        String detail = e == null ? "" : " (" + e.getMessage().lines().findFirst().orElse("") + ")";
        return new ArcrunException(ArcrunException.Kind.ANSWER_UNKNOWN, "", "The engine's answer when " + EngineHttp.words(what) + " has a shape this SDK does not know"
                + detail + ".", "Use an SDK and an engine of the same version.");
    }
}
