package dev.arcrun.core.cloudflare;

/** A Cloudflare account the token can use. */
public record Account(String id, String name) {}
