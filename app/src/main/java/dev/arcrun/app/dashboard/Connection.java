package dev.arcrun.app.dashboard;

import dev.arcrun.core.config.InstallConfig;
import dev.arcrun.sdk.EngineClient;

/** The install the dashboard shows and a client for its engine (keys resolved from the install's secret store). */
public record Connection(InstallConfig config, EngineClient client) {}
