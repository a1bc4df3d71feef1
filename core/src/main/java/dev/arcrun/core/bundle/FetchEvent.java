package dev.arcrun.core.bundle;

/** Progress of {@link BundleFetcher#fetch}: download, extraction, discovery. */
public sealed interface FetchEvent {
    record Downloading(DownloadEvent event) implements FetchEvent {}

    record Extracting(BundleExtractor.Progress progress) implements FetchEvent {}

    record Discovered(Bundle bundle) implements FetchEvent {}
}
