package dev.arcrun.core.bundle;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON that {@code arcrun cf provision --json} prints, read back for {@code arcrun bundle inject}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvisionedResources(@JsonProperty("account_id") String accountId, List<Kv> kv, List<R2> r2, String subdomain) {

    /** The var that carries the workers.dev subdomain into the engine. */
    public static final String SUBDOMAIN_VAR = "WORKERS_SUBDOMAIN";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Kv(String binding, String title, String id, String action) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record R2(String binding, String name, String action) {}

    public ProvisionedResources {
        kv = kv == null ? List.of() : List.copyOf(kv);
        r2 = r2 == null ? List.of() : List.copyOf(r2);
    }

    public static ProvisionedResources read(Path file) {
        try {
            ProvisionedResources r = JsonMapper.builder().build().readValue(file.toFile(), ProvisionedResources.class);
            if (r == null) {
                throw new UserFacingException(Failure.of(Failure.Code.RESOURCES_EMPTY, file), Advice.of(Advice.Code.PROVISION_OUTPUT));
            }
            for (Kv k : r.kv()) {
                if (k == null || blank(k.binding()) || blank(k.id())) {
                    throw new UserFacingException(Failure.of(Failure.Code.RESOURCES_KV_INCOMPLETE, file),
                            Advice.of(Advice.Code.PROVISION_OUTPUT));
                }
            }
            for (R2 b : r.r2()) {
                if (b == null || blank(b.binding()) || blank(b.name())) {
                    throw new UserFacingException(Failure.of(Failure.Code.RESOURCES_R2_INCOMPLETE, file),
                            Advice.of(Advice.Code.PROVISION_OUTPUT));
                }
            }
            return r;
        } catch (JacksonException e) {
            var loc = e.getLocation();
            Failure f = loc != null && loc.getLineNr() > 0
                    ? Failure.of(Failure.Code.RESOURCES_INVALID_AT, file, loc.getLineNr(), e.getOriginalMessage())
                    : Failure.of(Failure.Code.RESOURCES_INVALID, file, e.getOriginalMessage());
            throw new UserFacingException(f, Advice.of(Advice.Code.PROVISION_OUTPUT), e);
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.RESOURCES_UNREADABLE, file, e.getMessage()),
                    Advice.of(Advice.Code.CHECK_PATH), e);
        }
    }

    public InjectionValues toInjectionValues() {
        Map<String, String> kvIds = new LinkedHashMap<>();
        kv.forEach(k -> kvIds.put(k.binding(), k.id()));
        Map<String, String> buckets = new LinkedHashMap<>();
        r2.forEach(b -> buckets.put(b.binding(), b.name()));
        Map<String, String> vars = blank(subdomain) ? Map.of() : Map.of(SUBDOMAIN_VAR, subdomain);
        return new InjectionValues(kvIds, buckets, vars);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
