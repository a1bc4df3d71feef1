package dev.arcrun.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

    private static List<String> split(InputStream in, int max) throws IOException {
        List<String> lines = new ArrayList<>();
        LineSplitter.split(in, max, lines::add);
        return lines;
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyLineEndingEndsALineAndCrLfIsOne() throws IOException {
        assertThat(split(text("a\nb\r\nc\rd\n\ne"), 100)).containsExactly("a", "b", "c", "d", "", "e");
    }

    @Test
    void crLfSplitAcrossReadsIsStillOneLineEnd() throws IOException {
        // A stream that returns one byte per read puts \r and \n in different reads.
        byte[] bytes = "one\r\ntwo\r\n".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            int i;
            @Override public int read() { return i < bytes.length ? bytes[i++] : -1; }
            @Override public int read(byte[] b, int off, int len) {
                if (i >= bytes.length) return -1;
                b[off] = bytes[i++];
                return 1;
            }
        };
        assertThat(split(trickle, 100)).containsExactly("one", "two");
    }

    @Test
    void anEndlessLineIsHandedOnInBoundedPieces() throws IOException {
        String longLine = "x".repeat(25_000);
        List<String> lines = split(text(longLine + "\nend\n"), 10_000);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(10_000));
        assertThat(String.join("", lines.subList(0, lines.size() - 1))).isEqualTo(longLine);
        assertThat(lines.getLast()).isEqualTo("end");
    }

    @Test
    void multiByteCharactersSurviveBufferBoundaries() throws IOException {
        String s = "⛅️ wrangler ✘ [ERROR] ".repeat(1000);
        assertThat(split(text(s + "\n"), 1_000_000)).containsExactly(s);
    }
}
