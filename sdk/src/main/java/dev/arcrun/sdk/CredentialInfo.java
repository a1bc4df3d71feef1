package dev.arcrun.sdk;

import java.time.Instant;

/** A stored credential as {@code GET /credentials} lists it: never its value. */
public record CredentialInfo(String name, Instant createdAt, Instant updatedAt) {}
