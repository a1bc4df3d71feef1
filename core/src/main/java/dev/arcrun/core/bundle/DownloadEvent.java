package dev.arcrun.core.bundle;

import java.net.URI;

/** What a download reports while it runs; a UI renders these, core never prints. */
public sealed interface DownloadEvent {

    /** A request was answered with the body; {@code total} is -1 when the server did not say. */
    record Started(URI url, long total, boolean resumed) implements DownloadEvent {}

    /** Bytes so far (of {@code total}, -1 if unknown) and the recent rate in bytes per second. */
    record Progress(long bytes, long total, double bytesPerSecond) implements DownloadEvent {
        /** 0..1, or -1 when the total is unknown. */
        public double fraction() {
            return total > 0 ? Math.min(1.0, (double) bytes / total) : -1;
        }
    }

    /** An attempt failed ({@code reason}, a fact); the next one resumes at {@code fromByte} (0 = starts over). */
    record Retrying(int attempt, long fromByte, dev.arcrun.core.Failure reason) implements DownloadEvent {}

    /** Complete: the file on disk, its sha256, and whether it came from the cache. */
    record Finished(java.nio.file.Path file, String sha256, long bytes, boolean fromCache) implements DownloadEvent {}
}
