package dev.arcrun.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a finished step found, kept for the next run: the engine bundle it fetched (its sha256, version and where it
 * came from) or the seeds it loaded (their sha256). Each field is null when the step has no such fact.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepDetail(String sha256, String version, String source) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public StepDetail(@JsonProperty("sha256") String sha256, @JsonProperty("version") String version,
                      @JsonProperty("source") String source) {
        this.sha256 = sha256;
        this.version = version;
        this.source = source;
    }

    public static StepDetail bundle(String sha256, String version, String source) {
        return new StepDetail(sha256, version, source);
    }

    public static StepDetail seeds(String sha256) {
        return new StepDetail(sha256, null, null);
    }

    /**
     * A config written before details were typed holds one line: {@code "SHA VERSION SOURCE"} for a fetch,
     * {@code "SHA VERSION"} for a rollback's reuse, {@code "SHA"} for seeds. Read once here so such an install
     * resumes and updates as before; it is saved typed from then on.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static StepDetail fromLegacyLine(String line) {
        String[] parts = line.strip().split(" ", 3);
        return new StepDetail(parts[0].isEmpty() ? null : parts[0], parts.length > 1 ? parts[1] : null,
                parts.length > 2 ? parts[2] : null);
    }
}
