package dev.arcrun.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksEveryOccurrenceOfEveryValue() {
        Redactor r = Redactor.of("tok-123", "s3cr3t");
        assertThat(r.redact("Authorization: Bearer tok-123 and s3cr3t, again tok-123"))
                .isEqualTo("Authorization: Bearer *** and ***, again ***");
    }

    @Test
    void masksJsonEscapedAndUrlEncodedEchoes() {
        String secret = "a\"b/c d+e";
        Redactor r = Redactor.of(secret);
        assertThat(r.redact("{\"message\":\"bad value a\\\"b/c d+e\"}")).doesNotContain("a\\\"b").contains("***");
        assertThat(r.redact("GET /x?v=a%22b%2Fc+d%2Be")).isEqualTo("GET /x?v=***");
    }

    @Test
    void aLongerValueContainingAShorterOneIsMaskedWhole() {
        Redactor r = Redactor.of("abc", "abcdef");
        assertThat(r.redact("x abcdef y")).isEqualTo("x *** y");
    }

    @Test
    void blankValuesAreIgnoredRatherThanMaskingEverything() {
        Redactor r = Redactor.of("", " ", "k");
        assertThat(r.redact("a b")).isEqualTo("a b");
        assertThat(Redactor.NONE.redact("anything")).isEqualTo("anything");
    }

    @Test
    void ansiStrippingFirstRevealsAValueSplitByColourCodes() {
        String coloured = "token=tok\u001B[31m-1\u001B[0m23 end";
        assertThat(Redactor.of("tok-123").redact(Ansi.strip(coloured))).isEqualTo("token=*** end");
    }
}
