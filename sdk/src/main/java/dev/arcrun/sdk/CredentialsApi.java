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

    public List<CredentialInfo> list() {
        return Json.listOf(http.get("/credentials", true), "credentials", CredentialInfo.class, "GET /credentials");
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
