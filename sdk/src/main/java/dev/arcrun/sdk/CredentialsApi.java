package dev.arcrun.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /credentials}: values go up encrypted and never come back. */
public final class CredentialsApi {
    private final EngineHttp http;

    CredentialsApi(EngineHttp http) {
        this.http = http;
    }

    /** Encrypts the value with the install's encryption key and stores it under the name (replacing any). */
    public void push(String name, Secret value) {
        requireName(name);
        CredentialCipher.Sealed sealed = new CredentialCipher(http.settings().requireEncryptionKey()).encrypt(value.reveal());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("iv", sealed.iv());
        body.put("ciphertext", sealed.ciphertext());
        http.send("POST", "/credentials", body, true);
    }

    /** Every stored credential's name and dates, page after page (one engine call per 1,000). */
    public List<CredentialInfo> list() {
        return Pages.all(cursor -> page(null, cursor, null));
    }

    /** One page of the credentials in name order; see {@link WorkflowsApi#page(Integer, String, String)}. */
    public Page<CredentialInfo> page(Integer limit, String cursor, String prefix) {
        String path = Pages.query("/credentials", limit, cursor, prefix);
        return Json.pageOf(http.get(path, true), "credentials", CredentialInfo.class, "GET /credentials");
    }

    /** Every credential whose name starts with {@code prefix}, in pages of {@code limit} (null: 1,000). */
    public List<CredentialInfo> all(Integer limit, String prefix) {
        return Pages.all(cursor -> page(limit, cursor, prefix));
    }

    public void delete(String name) {
        requireName(name);
        http.send("DELETE", "/credentials/" + EngineHttp.segment(name), null, true);
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A credential needs a name.");
        }
    }
}
