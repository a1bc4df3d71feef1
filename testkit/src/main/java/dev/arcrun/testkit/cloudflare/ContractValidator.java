package dev.arcrun.testkit.cloudflare;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks requests and responses against Cloudflare's own OpenAPI document (the slice in
 * {@code shared/contracts/cloudflare-openapi.json}) with swagger-request-validator. Operations outside the slice
 * are skipped; everything else must match.
 *
 * <p>The contract is found through the system property {@value #PROPERTY}, the environment variable
 * {@value #ENV}, or by walking up from the working directory to a {@code shared/contracts} folder (the repository
 * sits beside {@code shared/}).
 */
public final class ContractValidator {

    public static final String PROPERTY = "arcrun.cloudflare.contract";
    public static final String ENV = "ARCRUN_CLOUDFLARE_CONTRACT";
    static final String RELATIVE = "shared/contracts/cloudflare-openapi.json";
    static final String VENDORED = "testkit/contracts/cloudflare-openapi.json";

    /**
     * Message keys that say "this operation is not in the slice": such exchanges are not judged.
     */
    private static final Set<String> OUTSIDE_CONTRACT = Set.of(
            "validation.request.path.missing", "validation.request.operation.notAllowed");

    /**
     * Known defects of Cloudflare's published document that real Cloudflare traffic also violates; ignoring them
     * keeps the check about our client and stand-in rather than about the schema's generator:
     * <ul>
     *   <li>DELETE operations declare a required JSON body, which neither Cloudflare's dashboard nor wrangler
     *       send.</li>
     *   <li>The document lists no {@code securitySchemes}, so the {@code security} requirements cannot be
     *       checked (the stand-in checks the bearer token itself).</li>
     * </ul>
     */
    private static boolean knownSchemaDefect(String method, ValidationReport.Message m) {
        String key = m.getKey();
        if (key.startsWith("validation.request.security")) {
            return true;
        }
        return "DELETE".equalsIgnoreCase(method) && key.equals("validation.request.body.missing");
    }

    private static final Map<Path, ContractValidator> CACHE = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;
    private final Path contract;

    private ContractValidator(Path contract) {
        this.contract = contract;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(ContractFixes.load(contract))
                // Merge allOf parts before validating: Cloudflare builds every envelope with allOf, and judging the
                // parts one by one would reject the properties each part leaves to the others.
                .withResolveCombinators(true)
                .withBasePathOverride(CloudflareStandIn.API_PREFIX)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                        // JSON Schema allows properties a schema does not list, and Cloudflare's answers carry
                        // some (e.g. result_info.total_pages); requests stay strict.
                        .withLevel("validation.response.body.schema.additionalProperties",
                                ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The validator for the located contract; loading takes a moment, so it is shared. */
    public static ContractValidator shared() {
        return CACHE.computeIfAbsent(locateContract(), ContractValidator::new);
    }

    public Path contract() {
        return contract;
    }

    /**
     * Finds the contract (see class comment).
     *
     * @throws IllegalStateException when it cannot be found, saying how to point at it
     */
    public static Path locateContract() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv(ENV);
        }
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit).toAbsolutePath();
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("Cloudflare contract not found at " + p + " (from -D" + PROPERTY
                        + " / " + ENV + ")");
            }
            return p;
        }
        return findAbove(RELATIVE).or(() -> findAbove(VENDORED)).orElseThrow(() -> new IllegalStateException(
                "Cloudflare contract " + RELATIVE + " not found above "
                + Path.of("").toAbsolutePath() + ": set -D" + PROPERTY + "=PATH or " + ENV + "=PATH"));
    }

    /** The shared copy beside the repository wins; the vendored copy lets a lone clone run its tests. */
    static java.util.Optional<Path> findAbove(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Validates one exchange; returns the violations (empty when valid or when the operation is not in the
     * contract).
     *
     * @param fullPath         the raw path including /client/v4
     * @param validateResponse false for answers the operation does not produce (edge faults), so only the
     *                         request is judged
     */
    public List<String> validate(String method, String fullPath, Map<String, List<String>> query,
                                 Map<String, List<String>> requestHeaders, byte[] requestBody, int status,
                                 Map<String, String> responseHeaders, byte[] responseBody,
                                 boolean validateResponse) {
        SimpleRequest.Builder rb = new SimpleRequest.Builder(method, fullPath, true);
        query.forEach(rb::withQueryParam);
        requestHeaders.forEach((k, v) -> {
            if (k != null) {
                rb.withHeader(k, v);
            }
        });
        if (requestBody.length > 0) {
            rb.withBody(requestBody);
        }
        Request request = rb.build();

        ValidationReport requestReport = validator.validateRequest(request);
        if (requestReport.getMessages().stream().anyMatch(m -> OUTSIDE_CONTRACT.contains(m.getKey()))) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        collect(method, fullPath, "request", requestReport, out);
        if (validateResponse) {
            SimpleResponse.Builder sb = new SimpleResponse.Builder(status);
            responseHeaders.forEach(sb::withHeader);
            if (responseBody.length > 0) {
                sb.withBody(responseBody);
            }
            Request.Method m = Request.Method.valueOf(method.toUpperCase(java.util.Locale.ROOT));
            collect(method, fullPath, "response " + status,
                    validator.validateResponse(request.getPath(), m, sb.build()), out);
        }
        return out;
    }

    private static void collect(String method, String path, String what, ValidationReport report,
                                List<String> out) {
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR || knownSchemaDefect(method, m)) {
                continue;
            }
            String parameter = m.getContext().flatMap(ValidationReport.MessageContext::getParameter)
                    .map(p -> " (parameter " + p.getName() + ")").orElse("");
            out.add(method + " " + path + " " + what + parameter + ": [" + m.getKey() + "] " + m.getMessage()
                    + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo()));
        }
    }
}
