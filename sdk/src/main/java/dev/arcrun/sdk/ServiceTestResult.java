package dev.arcrun.sdk;

/**
 * The answer to {@code POST /auth/recipes/{service}/test}: the recipe's harmless test call made with the stored
 * credentials. Only the HTTP status comes back, never the body. {@code status} is null when nothing was sent
 * (e.g. a credential is missing); {@code error} says why it failed.
 */
public record ServiceTestResult(boolean success, String service, Integer status, StepError error) {}
