package dev.arcrun.testkit.cloudflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the stand-in answers. The static factories build Cloudflare's v4 envelope
 * ({@code success, errors, messages, result, result_info}).
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    /** Shared by endpoint groups for building results. */
    public static final ObjectMapper JSON = new ObjectMapper();

    public static ApiResponse success(JsonNode result) {
        return json(200, envelope(true, result, null));
    }

    /** A page of a list; {@code resultInfo} as built by {@link #pageInfo} or a cursor object. */
    public static ApiResponse list(ArrayNode result, ObjectNode resultInfo) {
        return json(200, envelope(true, result, resultInfo));
    }

    /** Page-number pagination as Cloudflare reports it: page, per_page, count, total_count, total_pages. */
    public static ObjectNode pageInfo(int page, int perPage, int count, int totalCount) {
        ObjectNode info = JSON.createObjectNode();
        info.put("page", page);
        info.put("per_page", perPage);
        info.put("count", count);
        info.put("total_count", totalCount);
        info.put("total_pages", totalCount == 0 ? 0 : (totalCount + perPage - 1) / perPage);
        return info;
    }

    /** Cloudflare's failure envelope with one error. */
    public static ApiResponse failure(int status, int code, String message) {
        ObjectNode body = envelope(false, null, null);
        ObjectNode err = ((ArrayNode) body.get("errors")).addObject();
        err.put("code", code);
        err.put("message", message);
        return json(status, body);
    }

    public static ApiResponse json(int status, JsonNode body) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            return new ApiResponse(status, headers, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ApiResponse bytes(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new ApiResponse(status, headers, body);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, h, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The bare envelope, for answers the factories above do not cover. */
    public static ObjectNode envelope(boolean success, JsonNode result, ObjectNode resultInfo) {
        ObjectNode body = JSON.createObjectNode();
        body.put("success", success);
        body.putArray("errors");
        body.putArray("messages");
        body.set("result", result == null ? JSON.nullNode() : result);
        if (resultInfo != null) {
            body.set("result_info", resultInfo);
        }
        return body;
    }
}
