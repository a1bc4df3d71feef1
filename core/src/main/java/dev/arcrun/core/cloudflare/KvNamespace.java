package dev.arcrun.core.cloudflare;

/** A Workers KV namespace. */
public record KvNamespace(String id, String title) {}
