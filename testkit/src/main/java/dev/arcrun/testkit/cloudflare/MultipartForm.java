package dev.arcrun.testkit.cloudflare;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed multipart/form-data body, as wrangler sends worker uploads: a {@code metadata} part and one per module. */
public record MultipartForm(List<Part> parts) {

    /** One part; {@code content} is the raw bytes. */
    public record Part(String name, String filename, String contentType, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Parses the body; throws {@link CloudflareStandIn.BadRequest} when it is not multipart/form-data. */
    public static MultipartForm parse(String contentType, byte[] body) {
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data") || !m.find()) {
            throw new CloudflareStandIn.BadRequest(10021, "expected multipart/form-data with a boundary");
        }
        // ISO-8859-1 maps bytes 1:1 to chars, so indexes found in the text are byte offsets.
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + m.group(1);
        List<Part> parts = new ArrayList<>();
        int at = text.indexOf(delimiter);
        while (at >= 0) {
            int headersStart = at + delimiter.length();
            if (text.startsWith("--", headersStart)) break; // closing delimiter
            headersStart = skipCrlf(text, headersStart);
            int headersEnd = text.indexOf("\r\n\r\n", headersStart);
            if (headersEnd < 0) throw new CloudflareStandIn.BadRequest(10021, "malformed multipart part");
            int next = text.indexOf("\r\n" + delimiter, headersEnd + 4);
            if (next < 0) throw new CloudflareStandIn.BadRequest(10021, "unterminated multipart body");
            String headers = text.substring(headersStart, headersEnd);
            String name = null;
            String filename = null;
            String partType = null;
            for (String h : headers.split("\r\n")) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-disposition:")) {
                    Matcher n = NAME.matcher(h);
                    if (n.find()) name = n.group(1);
                    Matcher f = FILENAME.matcher(h);
                    if (f.find()) filename = f.group(1);
                } else if (lower.startsWith("content-type:")) {
                    partType = h.substring("content-type:".length()).trim();
                }
            }
            byte[] content = text.substring(headersEnd + 4, next).getBytes(StandardCharsets.ISO_8859_1);
            parts.add(new Part(name, filename, partType, content));
            at = next + 2;
        }
        return new MultipartForm(List.copyOf(parts));
    }

    private static int skipCrlf(String s, int i) {
        return s.startsWith("\r\n", i) ? i + 2 : i;
    }
}
