package dev.arcrun.core.cloudflare;

/** One entry of Cloudflare's {@code errors} array. */
public record CloudflareError(int code, String message) {
    @Override
    public String toString() {
        return message + " [code " + code + "]";
    }
}
