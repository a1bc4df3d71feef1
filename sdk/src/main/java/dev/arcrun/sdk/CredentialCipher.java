package dev.arcrun.sdk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts credential values for the engine: AES-256-GCM, a fresh random 12-byte iv per value, no associated
 * data, and the 16-byte tag appended to the ciphertext (what javax.crypto and WebCrypto both produce). The client
 * only ever encrypts; the engine decrypts when a run needs the value.
 */
public final class CredentialCipher {
    public static final int IV_BYTES = 12;
    public static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param base64Key the install's encryption key: 32 bytes, base64 (standard or URL-safe alphabet) */
    public CredentialCipher(Secret base64Key) {
        this.key = new SecretKeySpec(decodeKey(base64Key.reveal()), "AES");
    }

    /** Base64 iv and ciphertext+tag, as {@code POST /credentials} takes them. */
    public record Sealed(String iv, String ciphertext) {}

    public Sealed encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return new Sealed(b64.encodeToString(iv), b64.encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            // AES-GCM is in every JDK; this is a broken runtime, and the message carries nothing secret.
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] raw;
        try {
            raw = base64.contains("-") || base64.contains("_")
                    ? Base64.getUrlDecoder().decode(base64.trim()) : Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw badKey("it is not base64");
        }
        if (raw.length != 32) {
            throw badKey("it decodes to " + raw.length + " bytes, not 32");
        }
        return raw;
    }

    private static ArcrunException badKey(String why) {
        return new ArcrunException(ArcrunException.Kind.ENCRYPTION_KEY_INVALID, "", "The encryption key cannot be used: " + why + ".",
                "Use the key the engine was installed with (32 random bytes, base64), as handed out by POST /register or in "
                        + Arcrun.ENV_ENCRYPTION_KEY + ".");
    }
}
