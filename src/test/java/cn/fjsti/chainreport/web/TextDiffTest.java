package cn.fjsti.chainreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.web.TextDiff.Kind;
import cn.fjsti.chainreport.web.TextDiff.Segment;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void shouldShowNothingChangedForTheSameText() {
        List<Segment> diff = TextDiff.diff("第一段。\n第二段。", "第一段。\n第二段。");
        assertThat(TextDiff.changed(diff)).isFalse();
        assertThat(text(diff, Kind.SAME)).isEqualTo("第一段。\n第二段。\n");
    }

    @Test
    void shouldShowAnAddedParagraphAsAdded() {
        List<Segment> diff = TextDiff.diff("第一段。", "第一段。\n关键设备国产化率不足 20%。");
        assertThat(text(diff, Kind.ADDED)).isEqualTo("关键设备国产化率不足 20%。\n");
        assertThat(text(diff, Kind.REMOVED)).isEmpty();
    }

    @Test
    void shouldShowOnlyTheCharactersThatChangedInsideAnEditedParagraph() {
        List<Segment> diff = TextDiff.diff("2024 年产值 310 亿元。", "2025 年产值 420 亿元。");
        assertThat(text(diff, Kind.REMOVED)).isEqualTo("431");
        assertThat(text(diff, Kind.ADDED)).isEqualTo("542");
        assertThat(text(diff, Kind.SAME)).contains("年产值", "亿元。");
    }

    @Test
    void shouldShowEverythingAsAddedAgainstAnEmptySection() {
        assertThat(TextDiff.diff("", "新写的一段。")).containsExactly(new Segment(Kind.ADDED, "新写的一段。\n"));
        assertThat(TextDiff.diff(null, null)).isEmpty();
    }

    @Test
    void shouldFallBackToWholeParagraphsWhenTheyAreTooLongToCompareByCharacter() {
        String before = "甲".repeat(2500);
        String after = "乙".repeat(2500);
        List<Segment> diff = TextDiff.diff(before, after);
        assertThat(diff).containsExactly(new Segment(Kind.REMOVED, before + "\n"), new Segment(Kind.ADDED, after + "\n"));
    }

    @Test
    void shouldKeepAPairOfEmojiTogether() {
        List<Segment> diff = TextDiff.diff("进展😀", "进展😃");
        assertThat(text(diff, Kind.REMOVED)).isEqualTo("😀");
        assertThat(text(diff, Kind.ADDED)).isEqualTo("😃");
    }

    private static String text(List<Segment> diff, Kind kind) {
        return diff.stream().filter(s -> s.kind() == kind).map(Segment::text).collect(Collectors.joining());
    }
}
