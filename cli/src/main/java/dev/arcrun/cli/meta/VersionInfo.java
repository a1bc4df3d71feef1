package dev.arcrun.cli.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arcrun.core.bundle.BundleManifest;
import dev.arcrun.core.bundle.BundleSource;
import dev.arcrun.core.deploy.ToolchainManager;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import picocli.CommandLine.IVersionProvider;

/** {@code arcrun --version}: the CLI, the engine built in, the pinned node and wrangler, and the Java runtime. */
public final class VersionInfo implements IVersionProvider {
    public static final String CLI_VERSION = "0.1.0";

    @Override
    public String[] getVersion() {
        dev.arcrun.cli.i18n.Words words = dev.arcrun.cli.i18n.Words.current();
        return new String[] {
                "arcrun " + CLI_VERSION,
                words.get("version.engine", builtinEngineVersion()),
                words.get("version.tools", ToolchainManager.WRANGLER_PACKAGE_VERSION, ToolchainManager.NODE_PACKAGE_VERSION),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")",
        };
    }

    /** The version in the built-in bundle's manifest, or "none" for a build without one. */
    static String builtinEngineVersion() {
        try (InputStream raw = VersionInfo.class.getResourceAsStream(BundleSource.BUILTIN_RESOURCE)) {
            if (raw == null) {
                return "none";
            }
            try (var tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(raw)))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    String n = e.getName().replaceFirst("^\\./", "");
                    if (n.equals(BundleManifest.FILE_NAME) || n.endsWith("/" + BundleManifest.FILE_NAME) && n.indexOf('/') == n.lastIndexOf('/')) {
                        JsonNode m = new ObjectMapper().readTree(tar.readAllBytes());
                        return m.path("version").asText("unknown");
                    }
                }
            }
            return "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
