package cn.fjsti.chainreport.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * OfficialDocument.stripEdgeSpaces takes off the spaces at a paragraph's ends as the regular expression it replaced
 * did ({@code ^[\s\u00A0\u3000]+|[\s\u00A0\u3000]+$}), without a regular expression's cost on every line, for
 * every text that reaches it: one without U+0085, U+2028 or U+2029 (lines are split at them, FreeText stores "\n").
 */
class EdgeSpacesTest {

    private static final Pattern BEFORE = Pattern.compile("^[\\s\\u00A0\\u3000]+|[\\s\\u00A0\\u3000]+$");

    /** Spaces both strip, characters both keep (the em space and the zero-width space are not indentation). */
    private static final char[] ALPHABET = {' ', '\t', '\n', '\r', '\f', 0x0B, '\u00A0', '\u3000', '\u2003', '\u200B',
            'a', '字', '。', '1', '（'};

    @Test
    void shouldStripWhatTheExpressionStripped() {
        Random random = new Random(23);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            String s = text.toString();
            assertThat(OfficialDocument.stripEdgeSpaces(s)).as("[%s]", s).isEqualTo(BEFORE.matcher(s).replaceAll(""));
        }
    }

    @Test
    void shouldKeepTheSpacesInside() {
        assertThat(OfficialDocument.stripEdgeSpaces("\u3000\u3000一、总体情况 与 现状\u00A0 \r\n")).isEqualTo("一、总体情况 与 现状");
        assertThat(OfficialDocument.stripEdgeSpaces(" \t\u3000")).isEmpty();
        assertThat(OfficialDocument.stripEdgeSpaces("")).isEmpty();
    }

    @Test
    void shouldKeepASpaceBeforeALastUnicodeLineSeparator() {
        // Where the expression differed ($ matched before a last U+2028 too); such a text never reaches it.
        assertThat(OfficialDocument.stripEdgeSpaces("甲 \u2028")).isEqualTo("甲 \u2028");
        assertThat(BEFORE.matcher("甲 \u2028").replaceAll("")).isEqualTo("甲\u2028");
    }
}
