package dev.arcrun.sdk;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code host:port} entry of the engine's {@code allow_private_hosts}, checked and written the way the engine
 * keeps it: the host in lower case without a final dot, IPv6 in brackets, a port from 1 to 65535.
 */
public record HostPort(String host, int port) {
    private static final Pattern FORM = Pattern.compile("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):(\\d{1,5})$");

    public HostPort {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("host:port");
        }
    }

    /** The entry, or empty when {@code text} is not {@code host:port} (e.g. a URL, a host without a port, port 0). */
    public static Optional<HostPort> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String host = m.group(1).toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = Integer.parseInt(m.group(2));
        if (host.isEmpty() || host.startsWith(".") || host.contains("..") || port < 1 || port > 65535) {
            return Optional.empty();
        }
        return Optional.of(new HostPort(host, port));
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
