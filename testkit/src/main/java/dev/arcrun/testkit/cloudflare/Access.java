package dev.arcrun.testkit.cloudflare;

/** Which token checks the stand-in applies before a route's handler runs. */
public enum Access {
    /** The handler judges the token itself (token verify endpoints). */
    SELF,
    /** User-level endpoints (/accounts, /memberships): an active user token; account-owned tokens are refused. */
    USER,
    /** Endpoints under /accounts/{account_id}: an active token for that account holding the route's permission. */
    ACCOUNT
}
