package dev.arcrun.core.bundle;

/** A bundle on disk, ready to deploy: what was discovered in it and the sha256 of the archive it came from. */
public record FetchedBundle(Bundle bundle, String sha256, boolean fromCache, String strippedTopFolder) {}
