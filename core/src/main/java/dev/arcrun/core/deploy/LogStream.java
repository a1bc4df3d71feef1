package dev.arcrun.core.deploy;

/** Where a log line came from: the child's stdout or stderr, or Arcrun itself (e.g. "cancelled", "timed out"). */
public enum LogStream { STDOUT, STDERR, ARCRUN }
