package dev.arcrun.testkit.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final String TYPE = "multipart/form-data; boundary=----formdata-undici-0123";

    @Test
    void splitsWranglersUploadIntoMetadataAndModules() {
        String body = "------formdata-undici-0123\r\n"
                + "Content-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                + "{\"main_module\":\"index.js\"}\r\n"
                + "------formdata-undici-0123\r\n"
                + "Content-Disposition: form-data; name=\"index.js\"; filename=\"index.js\"\r\n"
                + "Content-Type: application/javascript+module\r\n\r\n"
                + "export default {};\r\n// ünïcödé ✘\r\n"
                + "------formdata-undici-0123--\r\n";
        MultipartForm form = MultipartForm.parse(TYPE, body.getBytes(StandardCharsets.UTF_8));

        assertThat(form.parts()).extracting(MultipartForm.Part::name).containsExactly("metadata", "index.js");
        assertThat(form.part("metadata").orElseThrow().text()).isEqualTo("{\"main_module\":\"index.js\"}");
        MultipartForm.Part module = form.part("index.js").orElseThrow();
        assertThat(module.filename()).isEqualTo("index.js");
        assertThat(module.contentType()).isEqualTo("application/javascript+module");
        assertThat(module.text()).isEqualTo("export default {};\r\n// ünïcödé ✘");
    }

    @Test
    void refusesABodyThatIsNotMultipart() {
        assertThatThrownBy(() -> MultipartForm.parse("application/json", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CloudflareStandIn.BadRequest.class);
        assertThatThrownBy(() -> MultipartForm.parse(TYPE, "------formdata-undici-0123\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(CloudflareStandIn.BadRequest.class);
    }
}
