package cn.fjsti.chainreport.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many lines a cell's text wraps to, which sets its row's height (Spreadsheets.lines). */
class SpreadsheetLinesTest {

    @Test
    void shouldCountWrappedAndOwnLines() {
        // A column of 40 characters holds 38: nineteen Chinese characters, or 38 Latin ones.
        assertThat(Spreadsheets.lines("关".repeat(19), 40)).isEqualTo(1);
        assertThat(Spreadsheets.lines("关".repeat(20), 40)).isEqualTo(2);
        assertThat(Spreadsheets.lines("a".repeat(38), 40)).isEqualTo(1);
        assertThat(Spreadsheets.lines("a".repeat(77), 40)).isEqualTo(3);
        assertThat(Spreadsheets.lines("第一行\n第二行\n", 40)).isEqualTo(3);
        assertThat(Spreadsheets.lines("", 40)).isEqualTo(1);
        // The widest a column gets for its values (columnWidth) keeps them on one line.
        String name = "平潭综合实验区科技局";
        int width = Spreadsheets.columnWidth("单位", java.util.List.of(java.util.List.of(name)), 0);
        assertThat(Spreadsheets.lines(name, width)).isEqualTo(1);
    }
}
