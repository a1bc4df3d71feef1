package dev.arcrun.app.dashboard;

/** What the last health check found. */
public enum HealthState { UNKNOWN, CHECKING, OK, DOWN }
