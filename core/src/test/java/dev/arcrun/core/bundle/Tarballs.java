package dev.arcrun.core.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds tarballs for tests, hostile ones included: names are written exactly as given. */
final class Tarballs {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    private Tarballs(int longFileMode) {
        tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(longFileMode);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    static Tarballs tar() {
        return new Tarballs(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    /** Long names go into GNU ././@LongLink entries instead of PAX headers. */
    static Tarballs gnuLongNames() {
        return new Tarballs(TarArchiveOutputStream.LONGFILE_GNU);
    }

    /** The global PAX header GitHub's tarballs start with (it carries the commit id). */
    Tarballs githubGlobalHeader() {
        TarArchiveEntry e = new TarArchiveEntry("pax_global_header", TarConstants.LF_PAX_GLOBAL_EXTENDED_HEADER);
        e.addPaxHeader("comment", "0123456789abcdef0123456789abcdef01234567");
        try {
            tar.putArchiveEntry(e); // writes and closes the header entry itself
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    Tarballs dir(String name) {
        TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
        e.setMode(040755);
        return put(e, null);
    }

    Tarballs file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0100644);
    }

    Tarballs file(String name, byte[] content, int mode) {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setMode(mode);
        e.setSize(content.length);
        return put(e, content);
    }

    Tarballs executable(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0100755);
    }

    Tarballs symlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        e.setLinkName(target);
        return put(e, null);
    }

    Tarballs hardlink(String name, String target) {
        TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        e.setLinkName(target);
        return put(e, null);
    }

    Tarballs special(String name, byte type) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        return put(e, null);
    }

    private Tarballs put(TarArchiveEntry e, byte[] content) {
        try {
            tar.putArchiveEntry(e);
            if (content != null) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    byte[] plain() {
        try {
            tar.close();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    byte[] gz() {
        return gzip(plain());
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** A codeload-style engine tarball: one top-level folder, three workers in three tiers, an executable. */
    static byte[] engine(String top) {
        return tar().githubGlobalHeader()
                .dir(top + "/")
                .file(top + "/README.md", "# engine\n")
                .file(top + "/arcrun.bundle.json", """
                        {"name": "arcrun", "version": "1.2.3",
                         "secrets": [{"name": "API_KEY", "worker": "arcrun-cypher-executor", "description": "Key clients send"}],
                         "seeds": [{"kind": "api_recipe", "dir": "seeds/api-recipes", "id_field": "id"}]}
                        """)
                .file(top + "/seeds/api-recipes/echo.json", "{\"id\": \"echo\"}")
                .executable(top + "/scripts/build.sh", "#!/bin/sh\necho hi\n")
                .file(top + "/workers/registry/wrangler.toml", """
                        name = "arcrun-registry"
                        main = "src/index.ts"
                        kv_namespaces = [{ binding = "COMPONENTS", id = "placeholder" }]
                        """)
                .file(top + "/workers/executor/wrangler.jsonc", """
                        {
                          // executes cypher
                          "name": "arcrun-cypher-executor",
                          "services": [{ "binding": "REGISTRY", "service": "arcrun-registry" }],
                          "r2_buckets": [{ "binding": "COMPONENT_BINARIES", "bucket_name": "x" },],
                        }
                        """)
                .file(top + "/workers/gateway/wrangler.toml", """
                        name = "arcrun-gateway"
                        [[services]]
                        binding = "EXECUTOR"
                        service = "arcrun-cypher-executor"
                        """)
                .file(top + "/workers/gateway/node_modules/dep/wrangler.toml", "name = \"not-a-worker\"\n")
                .gz();
    }
}
