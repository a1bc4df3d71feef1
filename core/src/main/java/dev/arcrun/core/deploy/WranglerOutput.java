package dev.arcrun.core.deploy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the facts a user needs out of {@code wrangler deploy}'s output, which ends with:
 * <pre>
 * Deployed arcrun-registry triggers (0.01 sec)
 *   https://arcrun-registry.example.workers.dev
 * Current Version ID: 0f2c…
 * </pre>
 * Fed line by line (as the lines stream), so nothing needs to be kept but the two values.
 */
final class WranglerOutput implements LogListener {

    private static final Pattern VERSION = Pattern.compile("^\\s*" + "Current Version ID:" + "\\s*(\\S+)\\s*$");
    private static final Pattern WORKERS_DEV = Pattern.compile("^\\s*(https://\\S+\\.workers\\.dev)/?\\s*$");

    private volatile String url;
    private volatile String versionId;

    @Override
    public void accept(LogLine line) {
        if (line.stream() != LogStream.STDOUT) return;
        Matcher m = VERSION.matcher(line.text());
        if (m.matches() && !m.group(1).equals("undefined")) {
            versionId = m.group(1);
            return;
        }
        m = WORKERS_DEV.matcher(line.text());
        if (m.matches() && url == null) {
            url = m.group(1);
        }
    }

    Optional<String> url() {
        return Optional.ofNullable(url);
    }

    Optional<String> versionId() {
        return Optional.ofNullable(versionId);
    }
}
