package dev.arcrun.sdk;

/** The keys {@code POST /register} hands out once, on a bare engine. Printing this record shows no key. */
public record Registration(Secret apiKey, Secret encryptionKey) {}
