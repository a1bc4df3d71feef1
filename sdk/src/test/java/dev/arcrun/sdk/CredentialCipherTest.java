package dev.arcrun.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {
    private static final byte[] KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private static final Secret B64_KEY = Secret.of(Base64.getEncoder().encodeToString(KEY));

    /** Decrypts the way the engine must: iv 12 bytes, ciphertext with the 16-byte tag at its end. */
    private static String decrypt(byte[] key, CredentialCipher.Sealed sealed) throws Exception {
        byte[] iv = Base64.getDecoder().decode(sealed.iv());
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        return new String(c.doFinal(Base64.getDecoder().decode(sealed.ciphertext())), StandardCharsets.UTF_8);
    }

    @Test
    void formatIsIv12AndCiphertextWithTag16Appended() throws Exception {
        String value = "sk-test-dummy-ünïcode";
        CredentialCipher.Sealed sealed = new CredentialCipher(B64_KEY).encrypt(value);

        assertThat(Base64.getDecoder().decode(sealed.iv())).hasSize(12);
        assertThat(Base64.getDecoder().decode(sealed.ciphertext()))
                .hasSize(value.getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(decrypt(KEY, sealed)).isEqualTo(value);
    }

    @Test
    void everyValueGetsAFreshIv() {
        CredentialCipher cipher = new CredentialCipher(B64_KEY);
        var a = cipher.encrypt("same");
        var b = cipher.encrypt("same");
        assertThat(a.iv()).isNotEqualTo(b.iv());
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
    }

    @Test
    void anotherKeyCannotOpenIt() {
        byte[] other = KEY.clone();
        other[0] ^= 1;
        var sealed = new CredentialCipher(B64_KEY).encrypt("value");
        assertThatThrownBy(() -> decrypt(other, sealed)).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void urlSafeKeysWork() throws Exception {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) 0xFB); // encodes with '-' / '_' in the URL-safe alphabet
        var sealed = new CredentialCipher(Secret.of(Base64.getUrlEncoder().encodeToString(key))).encrypt("v");
        assertThat(decrypt(key, sealed)).isEqualTo("v");
    }

    @Test
    void badKeysAreRefusedWithoutShowingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new CredentialCipher(Secret.of(shortKey)))
                .isInstanceOf(ArcrunException.class).hasMessageContaining("16 bytes, not 32")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> new CredentialCipher(Secret.of("not base64 at all!")))
                .isInstanceOf(ArcrunException.class).hasMessageContaining("not base64")
                .hasMessageNotContaining("not base64 at all!");
    }
}
