package dev.arcrun.cli.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Variants of the built-in engine bundle for tests: unpack it, change a file, pack it again as a .tar.gz. */
final class EngineBundles {
    private EngineBundles() {}

    /** Unpacks the engine built into the app into {@code dir}; returns its top folder. */
    static Path unpackBuiltin(Path dir) throws IOException {
        try (InputStream raw = EngineBundles.class.getResourceAsStream("/engine/arcrun-engine.tar.gz")) {
            if (raw == null) {
                throw new IllegalStateException("the built-in engine is not on the test classpath");
            }
            try (var tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path p = dir.resolve(e.getName()).normalize();
                    if (!p.startsWith(dir)) {
                        throw new IOException("entry outside the folder: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(p);
                    } else {
                        Files.createDirectories(p.getParent());
                        Files.copy(tar, p);
                    }
                }
            }
        }
        try (Stream<Path> top = Files.list(dir)) {
            return top.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** The built-in engine with {@code version} in its arcrun.bundle.json, packed into {@code out}. */
    static Path withVersion(Path work, String version, Path out) throws IOException {
        Path top = unpackBuiltin(work);
        Path manifest = top.resolve("arcrun.bundle.json");
        String text = Files.readString(manifest);
        String changed = text.replaceFirst("\"version\":\\s*\"[^\"]+\"", "\"version\": \"" + version + "\"");
        if (changed.equals(text)) {
            throw new IllegalStateException("no version field in " + manifest);
        }
        Files.writeString(manifest, changed);
        return pack(top, "arcrun-engine-" + version, out);
    }

    static Path pack(Path top, String rootName, Path out) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(top)) {
            paths = walk.sorted().toList();
        }
        try (OutputStream file = Files.newOutputStream(out);
             var tar = new TarArchiveOutputStream(new GZIPOutputStream(file), StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path p : paths) {
                String rel = top.relativize(p).toString().replace('\\', '/');
                String name = rootName + (rel.isEmpty() ? "" : "/" + rel) + (Files.isDirectory(p) ? "/" : "");
                TarArchiveEntry e = new TarArchiveEntry(name, true);
                if (Files.isDirectory(p)) {
                    e.setMode(040755);
                    tar.putArchiveEntry(e);
                } else {
                    e.setMode(0100644);
                    e.setSize(Files.size(p));
                    tar.putArchiveEntry(e);
                    Files.copy(p, tar);
                }
                tar.closeArchiveEntry();
            }
        }
        return out;
    }
}
