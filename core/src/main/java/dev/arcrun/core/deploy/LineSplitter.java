package dev.arcrun.core.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads text and hands it on line by line as soon as each line ends. Memory stays bounded whatever the child
 * prints: a line longer than {@code maxLine} characters is handed on in pieces. "\n", "\r\n" and a lone "\r"
 * (progress redraws) all end a line.
 */
final class LineSplitter {

    static final int DEFAULT_MAX_LINE = 16 * 1024;

    private LineSplitter() {
    }

    static void split(InputStream in, int maxLine, Consumer<String> lines) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buf = new char[8192];
        StringBuilder line = new StringBuilder(128);
        boolean afterCr = false;
        int n;
        while ((n = reader.read(buf)) != -1) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (c == '\n' || c == '\r') {
                    if (c == '\n' && afterCr && i == start && line.isEmpty()) {
                        afterCr = false; // the \n of a \r\n pair
                        start = i + 1;
                        continue;
                    }
                    line.append(buf, start, i - start);
                    lines.accept(line.toString());
                    line.setLength(0);
                    afterCr = c == '\r';
                    start = i + 1;
                } else {
                    afterCr = false;
                    if (line.length() + (i - start) >= maxLine) {
                        line.append(buf, start, i - start);
                        lines.accept(line.toString());
                        line.setLength(0);
                        start = i;
                    }
                }
            }
            line.append(buf, start, n - start);
        }
        if (!line.isEmpty()) {
            lines.accept(line.toString());
        }
    }
}
