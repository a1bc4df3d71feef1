package dev.arcrun.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTableTest {
    @Test
    void columnsLineUpAsATerminalShowsThemWithChineseHeadersAndCells() {
        StringWriter s = new StringWriter();
        Output.table(new PrintWriter(s), List.of("名稱", "更新時間"), List.of(List.of("hello", "-"), List.of("問候", "2026")));
        assertThat(s.toString().lines()).containsExactly(
                "名稱   更新時間", // 名稱 takes four columns, hello five: two spaces after the widest
                "hello  -",
                "問候   2026");
    }
}
