package dev.arcrun.core.cloudflare;

/**
 * One pair for a KV bulk write. Values can be credentials, so {@link #toString()} leaves them out.
 *
 * @param base64 true when {@code value} is base64 that Cloudflare should decode before storing
 */
public record KvPair(String key, String value, boolean base64) {

    public static KvPair text(String key, String value) {
        return new KvPair(key, value, false);
    }

    @Override
    public String toString() {
        return "KvPair[key=" + key + ", value=(" + value.length() + " chars)]";
    }
}
