package cn.fjsti.chainreport.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fjsti.chainreport.chain.ChainNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** The one input rule, tried with whole families of characters rather than one example of each. */
class FreeTextTest {

    /** Invisible characters: zero-width, joiners, bidirectional controls, BOM, soft hyphen, fillers, tags, selectors. */
    static final List<Integer> INVISIBLE = List.of(0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0x2061, 0x2062,
            0x2063, 0x2064, 0xFEFF, 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x180E, 0x202A, 0x202B, 0x202C, 0x202D,
            0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x206A, 0x206F, 0x3164, 0xFE00, 0xFE0F, 0xFFA0, 0xE0001, 0xE0020,
            0xE007F, 0xE0100, 0x1D173, 0x1BCA0, 0xFFF9, 0x17B4);

    /** Control characters that are not line breaks or tabs: every C0 and C1 control but those, and DEL. */
    static final List<Integer> CONTROL = IntStream.concat(IntStream.rangeClosed(0x00, 0x1F), IntStream.rangeClosed(0x7F, 0x9F))
            .filter(cp -> cp != '\t' && cp != '\n' && cp != '\r' && cp != 0x0B && cp != 0x0C && cp != 0x85)
            .boxed().toList();

    /** Line breaks of every spelling. */
    static final List<String> LINE_BREAKS = List.of("\r\n", "\r", "\n", "\u000B", "\u000C", "\u0085", "\u2028", "\u2029");

    /** Spaces of every kind that a name may consist of and still be empty. */
    static final List<Integer> SPACES = List.of(0x20, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
            0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x3000, 0x2800, 0x09, 0x0A, 0x0D);

    /** Characters NFKC turns into many: ﷺ (18), ﷻ (8), ㍻ ㎯ ㏒ (several), ﬃ, ½, Ⅻ, ⑳. */
    static final List<Integer> EXPANDING = List.of(0xFDFA, 0xFDFB, 0x337B, 0x33AF, 0x33D2, 0xFB03, 0x00BD, 0x216B, 0x2473, 0x3250);

    private static String cp(int codePoint) {
        return new String(Character.toChars(codePoint));
    }

    @Test
    void shouldDropEveryInvisibleCharacterFromAName() {
        SoftAssertions softly = new SoftAssertions();
        for (int c : INVISIBLE) {
            String name = "集成" + cp(c) + "电路产业链" + cp(c);
            softly.assertThat(FreeText.CHAIN_NAME.require(name)).as("U+%04X", c).isEqualTo("集成电路产业链");
            softly.assertThat(ChainNames.key(name)).as("U+%04X", c).isEqualTo(ChainNames.key("集成电路产业链"));
        }
        softly.assertAll();
    }

    @Test
    void shouldMakeLookalikeNamesOneName() {
        Set<String> keys = new HashSet<>();
        for (int c : INVISIBLE) {
            keys.add(ChainNames.key("海洋" + cp(c) + "生物" + cp(c) + cp(c) + "产业链"));
        }
        keys.add(ChainNames.key("海洋生物产业链"));
        keys.add(ChainNames.key("海洋生物　产业"));
        assertThat(keys).hasSize(1);
    }

    @Test
    void shouldRefuseEveryControlCharacterNamingItAndItsPlace() {
        SoftAssertions softly = new SoftAssertions();
        for (FreeText rule : FreeText.values()) {
            for (int c : CONTROL) {
                String text = "生物医药" + cp(c) + "产业链";
                softly.assertThatThrownBy(() -> rule.clean(text)).as("%s U+%04X", rule, c)
                        .isInstanceOf(FreeText.Refused.class)
                        .hasMessageContaining("第 5 个字符").hasMessageContaining(String.format("U+%04X", c));
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldRefuseLoneSurrogatesAndNonCharacters() {
        SoftAssertions softly = new SoftAssertions();
        for (String bad : List.of("\uD800", "\uDFFF", "\uDBFF", cp(0xFFFE), cp(0xFFFF), cp(0xFDD0), cp(0xFDEF), cp(0x1FFFE), cp(0x10FFFF))) {
            for (FreeText rule : FreeText.values()) {
                softly.assertThatThrownBy(() -> rule.clean("正文" + bad + "正文")).as("%s %s", rule, bad)
                        .isInstanceOf(FreeText.Refused.class).hasMessageContaining("第 3 个字符");
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldTurnEveryLineBreakIntoOneBreakInTextsAndASpaceInLines() {
        SoftAssertions softly = new SoftAssertions();
        for (String br : LINE_BREAKS) {
            softly.assertThat(FreeText.SECTION.clean("第一段" + br + "第二段")).as(escape(br)).isEqualTo("第一段\n第二段");
            softly.assertThat(FreeText.COMMENT.clean("请补充" + br + br + "数据")).as(escape(br)).isEqualTo("请补充\n\n数据");
            softly.assertThat(FreeText.CAMPAIGN_TITLE.clean("2027年度" + br + "调研")).as(escape(br)).isEqualTo("2027年度 调研");
            softly.assertThat(FreeText.CHAIN_NAME.clean("集成电路" + br + "产业链")).as(escape(br)).isEqualTo("集成电路 产业链");
        }
        softly.assertThat(FreeText.SECTION.clean("表头\t数值")).isEqualTo("表头\t数值");
        softly.assertAll();
    }

    @Test
    void shouldCallATextOfSpacesAndInvisibleCharactersEmpty() {
        SoftAssertions softly = new SoftAssertions();
        for (FreeText rule : FreeText.values()) {
            for (int space : SPACES) {
                String blank = cp(space).repeat(3) + cp(0x200B) + cp(space);
                softly.assertThat(rule.clean(blank)).as("%s U+%04X", rule, space).isNull();
                softly.assertThatThrownBy(() -> rule.require(blank)).as("%s U+%04X", rule, space)
                        .isInstanceOf(FreeText.Refused.class).hasMessageContaining("不能为空");
            }
            for (int c : INVISIBLE) {
                softly.assertThat(rule.clean(cp(c) + cp(c))).as("%s U+%04X", rule, c).isNull();
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldCountTheLengthAfterNormalisation() {
        SoftAssertions softly = new SoftAssertions();
        for (int c : EXPANDING) {
            String expanded = java.text.Normalizer.normalize(cp(c), java.text.Normalizer.Form.NFKC);
            int fits = Limits.CHAIN_NAME / expanded.codePointCount(0, expanded.length());
            String tooMany = cp(c).repeat(fits + 1);
            if (expanded.codePointCount(0, expanded.length()) > 1) {
                softly.assertThatThrownBy(() -> FreeText.CHAIN_NAME.require(tooMany)).as("U+%04X", c)
                        .isInstanceOf(FreeText.Refused.class).hasMessageContaining("不能超过 60 个字");
            }
        }
        // Sixty characters of the astral plane are sixty characters, not 120.
        assertThat(FreeText.CHAIN_NAME.require("𠮷".repeat(60))).hasSize(120);
        assertThatThrownBy(() -> FreeText.CHAIN_NAME.require("𠮷".repeat(61))).isInstanceOf(FreeText.Refused.class);
        // Invisible characters do not count: they are gone.
        assertThat(FreeText.CHAIN_NAME.require(("链" + cp(0x200B)).repeat(60))).isEqualTo("链".repeat(60));
        softly.assertAll();
    }

    @Test
    void shouldKeepJoinersAndSelectorsThatShapeWhatIsVisibleButNotInNames() {
        String family = "👨\u200D👩\u200D👧";
        String variant = "葛\uDB40\uDD00";
        assertThat(FreeText.SECTION.clean("家庭" + family)).isEqualTo("家庭" + family);
        assertThat(FreeText.UNIT_NAME.clean(variant + "城")).isEqualTo(variant + "城");
        assertThat(FreeText.CHAIN_NAME.clean("家庭" + family)).isEqualTo("家庭👨👩👧");
        assertThat(FreeText.SECTION.clean("\u200D正文")).isEqualTo("正文");
    }

    @Test
    void shouldKeepChinesePunctuationInTextsAndUnifyNames() {
        assertThat(FreeText.SECTION.clean("产值（亿元）：３１０，同比增长。")).isEqualTo("产值（亿元）：３１０，同比增长。");
        assertThat(FreeText.CHAIN_NAME.clean("ＡＩ　芯片产业链")).isEqualTo("AI 芯片产业链");
        // A name keeps the author's full-width punctuation; its key folds it, so both spellings are one chain.
        assertThat(FreeText.CHAIN_NAME.clean("集成电路（芯片）产业链：设计")).isEqualTo("集成电路（芯片）产业链：设计");
        assertThat(cn.fjsti.chainreport.chain.ChainNames.key("集成电路（芯片）产业链"))
                .isEqualTo(cn.fjsti.chainreport.chain.ChainNames.key("集成电路(芯片)产业链"));
        assertThat(FreeText.CAMPAIGN_TITLE.clean("  2027 年度\u3000\u3000调研  ")).isEqualTo("2027 年度 调研");
    }

    @Test
    void shouldRefuseHugeInputBeforeNormalisingIt() {
        String huge = cp(0xFDFA).repeat(1_000_000);
        long started = System.nanoTime();
        assertThatThrownBy(() -> FreeText.CHAIN_NAME.require(huge)).isInstanceOf(FreeText.Refused.class);
        assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
    }

    @Test
    void shouldReadOldStoredNamesWithoutRefusing() {
        List<String> shown = new ArrayList<>();
        for (int c : CONTROL) {
            shown.add(ChainNames.display("旧" + cp(c) + "名称"));
        }
        assertThat(shown).containsOnly("旧名称");
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.append(String.format("U+%04X ", c)));
        return out.toString();
    }

    /**
     * The NFC quick path (text already NFC is filtered once, not normalised and filtered again) gives what the long
     * path gives: random mixes of CJK, invisible and control characters, line breaks, spaces, combining marks and
     * decomposed letters clean to the same text as their NFC form, and cleaning twice changes nothing.
     */
    @Test
    void shouldCleanTheSameWhetherTheTextArrivesComposedOrNot() {
        List<String> pieces = new ArrayList<>(List.of("产业链", "创新", "e\u0301", "\u00e9", "\u1100\u1161", "\uAC00", "A\u030A",
                "\u212B", "ﬃ", "½", "\uFFA0", " ", "\u3000", "\t", "。", "（一）", "\uD83D\uDC4D\uFE0F", "\u200D"));
        pieces.addAll(LINE_BREAKS);
        INVISIBLE.forEach(cp -> pieces.add(cp(cp)));
        CONTROL.stream().limit(8).forEach(cp -> pieces.add(cp(cp)));
        java.util.Random random = new java.util.Random(23);
        SoftAssertions softly = new SoftAssertions();
        for (int n = 0; n < 2000; n++) {
            StringBuilder raw = new StringBuilder("正文");
            for (int k = random.nextInt(12); k >= 0; k--) {
                raw.append(pieces.get(random.nextInt(pieces.size())));
            }
            String text = raw.toString();
            if (text.codePoints().anyMatch(cp -> CONTROL.contains(cp))) {
                continue;
            }
            for (FreeText kind : List.of(FreeText.SECTION, FreeText.UNIT_NAME)) {
                String once = kind.clean(text);
                softly.assertThat(kind.clean(once)).as("%s twice: %s", kind, text).isEqualTo(once);
                softly.assertThat(kind.clean(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)))
                        .as("%s decomposed: %s", kind, text).isEqualTo(once);
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldKeepACleanTextAsItIsAndChangeOneThatIsNotWhereverTheChangeFalls() {
        String clean = "一、产业链现状\n\t福州市软件产业规模达 1200 亿元（2024 年），👩\u200D💻 从业人员 8 万人。\n".repeat(40);
        assertThat(FreeText.SECTION.clean(clean)).isSameAs(clean);
        SoftAssertions soft = new SoftAssertions();
        for (int at : List.of(0, 1, clean.length() / 2, clean.length() - 1, clean.length())) {
            for (String inserted : List.of("\r\n", "\r", "\u2028", "\u200B", "\uFEFF")) {
                String dirty = clean.substring(0, at) + inserted + clean.substring(at);
                // A CR before the text's own LF is half of one CR LF: one line break, not two.
                boolean crBeforeLf = inserted.equals("\r") && at < clean.length() && clean.charAt(at) == '\n';
                String expected = clean.substring(0, at)
                        + (!crBeforeLf && (inserted.contains("\r") || inserted.equals("\u2028")) ? "\n" : "") + clean.substring(at);
                soft.assertThat(FreeText.SECTION.clean(dirty)).as("%s at %d", inserted, at)
                        .isEqualTo(expected.isBlank() ? null : expected);
            }
            String tabbed = clean.substring(0, at) + "\t" + clean.substring(at);
            soft.assertThat(FreeText.UNIT_CONTACT.clean("电话\t0591" + tabbed.substring(0, 20).replace('\n', ' ')))
                    .doesNotContain("\t");
        }
        soft.assertAll();
    }
}
