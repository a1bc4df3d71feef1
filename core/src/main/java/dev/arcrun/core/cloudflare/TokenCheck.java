package dev.arcrun.core.cloudflare;

/**
 * What Cloudflare says about the token.
 *
 * @param kind    user token or account-owned token (verified under {@code /accounts/{id}/tokens/verify})
 * @param tokenId Cloudflare's id of the token (not the secret)
 * @param status  active, expired or disabled
 */
public record TokenCheck(Kind kind, String tokenId, Status status) {

    public enum Kind {
        USER("user token"), ACCOUNT("account-owned token");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        ACTIVE, EXPIRED, DISABLED;

        static Status parse(String s) {
            return switch (s) {
                case "active" -> ACTIVE;
                case "expired" -> EXPIRED;
                case "disabled" -> DISABLED;
                default -> throw new IllegalArgumentException("unknown token status " + s);
            };
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
