package dev.arcrun.testkit.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Loads Cloudflare's OpenAPI slice and repairs the few places where the generated document contradicts itself (no
 * answer could ever satisfy it) or trips the parser. Each repair keeps the document's intent; everything else is
 * validated exactly as published.
 */
final class ContractFixes {
    private ContractFixes() {}

    static String load(Path contract) {
        ObjectNode api;
        try {
            api = (ObjectNode) ApiResponse.JSON.readTree(contract.toFile());
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("could not read the Cloudflare contract at " + contract, e);
        }
        dropWildcardEncoding(api);
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            for (Iterator<Map.Entry<String, JsonNode>> ops = paths.next().getValue().fields(); ops.hasNext(); ) {
                JsonNode op = ops.next().getValue();
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.path("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    if (r.getKey().startsWith("4")) {
                        failureOnly(r.getValue());
                    }
                }
                undefinedMediaType(op.path("responses"));
                oneOfToFirst(op.path("responses").path("200"));
                if ("r2-list-buckets".equals(op.path("operationId").asText())) {
                    r2ListResult(op.path("responses").path("200"));
                }
            }
        }
        return api.toString();
    }

    /**
     * The worker upload declares a multipart encoding for a part literally named {@code <any part name>}; the
     * parser refuses that key. It only lists allowed part content types, so dropping it loses no check we make.
     */
    private static void dropWildcardEncoding(ObjectNode api) {
        JsonNode media = api.path("components").path("requestBodies").path("workers_script_upload")
                .path("content").path("multipart/form-data");
        if (media instanceof ObjectNode m) {
            m.remove("encoding");
        }
    }

    /**
     * List Memberships answers oneOf(memberships with roles, memberships with policies); the second only adds an
     * optional property, so every answer matches both and "exactly one" can never hold. Keep the first (the
     * roles form the stand-in answers).
     */
    private static void oneOfToFirst(JsonNode ok) {
        for (JsonNode media : ok.path("content")) {
            if (media instanceof ObjectNode m && media.path("schema").path("oneOf").size() > 1) {
                m.set("schema", media.path("schema").path("oneOf").get(0).deepCopy());
            }
        }
    }

    /**
     * Download Worker declares its media type as the literal string "undefined", which no parser accepts; the
     * answer is the script in whatever type it was uploaded with, so accept any type.
     */
    private static void undefinedMediaType(JsonNode responses) {
        for (JsonNode response : responses) {
            if (response.path("content") instanceof ObjectNode content && content.has("undefined")) {
                content.set("*/*", content.remove("undefined"));
            }
        }
    }

    /**
     * Several 4XX answers are declared as allOf(success envelope, failure envelope): {@code success} would have to
     * be both true and false. The failure envelope is what Cloudflare sends, so keep only that part.
     */
    private static void failureOnly(JsonNode response) {
        for (JsonNode media : response.path("content")) {
            JsonNode allOf = media.path("schema").path("allOf");
            if (!(media instanceof ObjectNode m) || !allOf.isArray() || allOf.size() < 2) {
                continue;
            }
            for (JsonNode part : allOf) {
                if (part.path("$ref").asText().endsWith("-response-common-failure")) {
                    m.set("schema", part.deepCopy());
                    break;
                }
            }
        }
    }

    /**
     * List Buckets is declared with {@code result} both an object (r2_v4_response) and an array. Cloudflare answers
     * an object holding the array, {@code {"result": {"buckets": [r2_bucket…]}}}, which is what wrangler reads; the
     * repaired schema says exactly that.
     */
    private static void r2ListResult(JsonNode ok) {
        for (JsonNode media : ok.path("content")) {
            for (JsonNode part : media.path("schema").path("allOf")) {
                JsonNode result = part.path("properties").path("result");
                if ("array".equals(result.path("type").asText()) && part.path("properties") instanceof ObjectNode p) {
                    ObjectNode fixed = ApiResponse.JSON.createObjectNode();
                    fixed.put("type", "object");
                    fixed.putArray("required").add("buckets");
                    ObjectNode buckets = fixed.putObject("properties").putObject("buckets");
                    buckets.put("type", "array");
                    buckets.set("items", result.path("items").deepCopy());
                    p.set("result", fixed);
                    
                }
            }
        }
    }
}
