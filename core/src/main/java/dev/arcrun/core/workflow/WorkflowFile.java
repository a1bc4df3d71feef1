package dev.arcrun.core.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The one check of a file the user hands the engine (a workflow, a run's input): its size, then its JSON. */
public final class WorkflowFile {
    /** The engine takes a request body of at most 1,000,000 characters: a larger file is refused before it is read. */
    public static final long MAX_BYTES = 1_000_000;

    private WorkflowFile() {}

    public sealed interface Read {}

    public record Good(com.fasterxml.jackson.databind.JsonNode value) implements Read {}

    public record TooLarge(long bytes, long max) implements Read {}

    public record Missing() implements Read {}

    /** {@code reason} is the system's technical words, shown as a detail. */
    public record Unreadable(String reason) implements Read {}

    /** Not a JSON object: where and why ({@link JsonDocument.Bad} or {@link JsonDocument.NotAnObject}). */
    public record NotJson(JsonDocument.Parsed why) implements Read {}

    public static Read read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return new TooLarge(size, MAX_BYTES);
            }
            return of(JsonDocument.parseObject(Files.readString(file)));
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (IOException e) {
            return new Unreadable(String.valueOf(e.getMessage()));
        }
    }

    static Read of(JsonDocument.Parsed parsed) {
        return parsed instanceof JsonDocument.Good g ? new Good(g.value()) : new NotJson(parsed);
    }
}
