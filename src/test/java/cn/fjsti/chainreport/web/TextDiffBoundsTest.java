package cn.fjsti.chainreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.web.TextDiff.Kind;
import cn.fjsti.chainreport.web.TextDiff.Segment;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The diff's work is bounded: a 20,000-line section once took 400 MB and 10.8 s (and ran a 192 MB heap out
 * of memory). Large texts with a small edit are still compared finely; large texts changed throughout fall
 * back to whole blocks and say so. Memory is measured as bytes this thread allocated, not as time.
 */
class TextDiffBoundsTest {

    @Test
    void shouldFindASmallEditInTwentyThousandLinesFinely() {
        String before = lines(20_000, 1);
        String after = before.replace("第10000行内容1", "第10000行内容改");
        TextDiff.Diff diff = TextDiff.compare(before, after);
        assertThat(diff.coarse()).isFalse();
        assertThat(text(diff, Kind.REMOVED)).isEqualTo("1");
        assertThat(text(diff, Kind.ADDED)).isEqualTo("改");
    }

    @Test
    void shouldFallBackToWholeBlocksForTwentyThousandLinesChangedThroughoutWithinAFewMegabytes() {
        String before = scattered(20_000, 1, 4);
        String after = scattered(20_000, 2, 4);
        long allocated = allocatedBytes();
        TextDiff.Diff diff = TextDiff.compare(before, after);
        allocated = allocatedBytes() - allocated;
        assertThat(diff.coarse()).isTrue();
        assertThat(diff.changed()).isTrue();
        assertThat(text(diff, Kind.SAME) + text(diff, Kind.REMOVED)).hasSameSizeAs(before + "\n");
        assertThat(allocated).as("bytes allocated by the diff").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void shouldStopComparingCharactersWhenTheBudgetIsSpent() {
        // 400 edited paragraphs of 600 characters each: 144 million character cells if all were compared.
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            before.append("甲".repeat(600)).append('\n');
            after.append("乙".repeat(600)).append('\n');
        }
        long allocated = allocatedBytes();
        TextDiff.Diff diff = TextDiff.compare(before.toString(), after.toString());
        allocated = allocatedBytes() - allocated;
        assertThat(diff.coarse()).isTrue();
        assertThat(allocated).as("bytes allocated by the diff").isLessThan(256L * 1024 * 1024);
    }

    @Test
    void shouldNotCallAnOrdinaryEditCoarse() {
        assertThat(TextDiff.compare("2024 年产值 310 亿元。\n第二段。", "2025 年产值 420 亿元。\n第二段。").coarse()).isFalse();
    }

    static String lines(int count, int salt) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("第").append(i).append("行内容").append(salt).append('\n');
        }
        return text.substring(0, text.length() - 1);
    }

    /** Mostly empty lines with 甲 on about one in {@code oneIn}, different in each seed: no long run in common. */
    static String scattered(int count, long seed, int oneIn) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (random.nextInt(oneIn) == 0) {
                text.append('甲');
            }
            if (i < count - 1) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String text(TextDiff.Diff diff, Kind kind) {
        return diff.segments().stream().filter(s -> s.kind() == kind).map(Segment::text).collect(Collectors.joining());
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
