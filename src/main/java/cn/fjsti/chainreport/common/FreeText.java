package cn.fjsti.chainreport.common;

import java.text.Normalizer;

/**
 * The one input rule for every text a person types, applied at the door ({@link Text} on request fields) and
 * again where the text is stored ({@link #clean}), so that what is checked is what is kept:
 * <ul>
 *   <li>names (chain names) are NFKC-normalised, so 全角 letters and digits and compatibility forms are one
 *   spelling, except the full-width punctuation of the Halfwidth and Fullwidth Forms block (（）：，；！？ and so
 *   on), which stays as the author typed it (comparison keys fold it: ChainNames.key); other texts are
 *   NFC-normalised (NFKC would turn Chinese full-width punctuation into ASCII);</li>
 *   <li>zero-width, bidirectional and other format characters (Unicode Cf and the default-ignorable code points)
 *   are dropped; only joiners and variation selectors right after a visible character are kept in texts that
 *   are not names (emoji sequences, ideographic variants), since names must not have invisible twins;</li>
 *   <li>CR LF, CR, U+000B, U+000C, U+0085, U+2028 and U+2029 are line breaks: "\n" in multi-line texts, a space
 *   in single-line ones; a tab is kept in multi-line texts and a space elsewhere;</li>
 *   <li>any other control character, a lone surrogate half or a non-character is refused, naming the character
 *   and its place;</li>
 *   <li>single-line texts have runs of any Unicode space collapsed to one space and are trimmed;</li>
 *   <li>the length is counted in characters (code points) after all this, and a text of nothing but spaces and
 *   invisible characters is empty.</li>
 * </ul>
 */
public enum FreeText {
    CHAIN_NAME("产业链名称", Form.NAME, Limits.CHAIN_NAME_MIN, Limits.CHAIN_NAME),
    CAMPAIGN_TITLE("标题", Form.LINE, 1, Limits.CAMPAIGN_TITLE),
    DISPLAY_NAME("名称", Form.LINE, 1, Limits.DISPLAY_NAME),
    COMMENT("意见", Form.TEXT, 1, Limits.COMMENT),
    SECTION("章节", Form.TEXT, 1, Limits.SECTION),
    MERGED_SECTION("章节", Form.TEXT, 1, Limits.MERGED_SECTION),
    UNIT_NAME("单位名称", Form.LINE, 1, Limits.UNIT_NAME),
    UNIT_STRENGTH("研究领域/优势", Form.TEXT, 1, Limits.UNIT_STRENGTH),
    UNIT_CONTACT("联系方式", Form.LINE, 1, Limits.UNIT_CONTACT),
    EXHIBIT_CAPTION("题注", Form.LINE, 1, Limits.EXHIBIT_CAPTION),
    TABLE_CELL("表格单元格", Form.LINE, 1, Limits.TABLE_CELL);

    /** How a text is normalised. */
    public enum Form {
        /** A name that identifies something: NFKC, one line, no invisible characters at all. */
        NAME,
        /** One line of text: NFC. */
        LINE,
        /** Several lines: NFC, line breaks kept as "\n". */
        TEXT
    }

    /** A text that breaks the rule; the message is Chinese and names the character and where it is. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }

        public ApiException toApi(String field) {
            return ApiException.badField(field, getMessage());
        }
    }

    /** Raw input longer than this many UTF-16 units per allowed character is refused before any normalisation. */
    private static final int RAW_FACTOR = 4;

    private final String label;
    private final Form form;
    private final int min;
    private final int max;

    FreeText(String label, Form form, int min, int max) {
        this.label = label;
        this.form = form;
        this.min = min;
        this.max = max;
    }

    public String label() {
        return label;
    }

    public int max() {
        return max;
    }

    public Form form() {
        return form;
    }

    /** The normalised text, or null when nothing is left (null, empty, only spaces or invisible characters). */
    public String clean(String raw) {
        return clean(raw, label, max);
    }

    /** As {@link #clean(String)}, with another label and limit (a consolidated report's sections). */
    public String clean(String raw, String label, int max) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > (long) Limits.utf16(max) * RAW_FACTOR + 64) {
            throw new Refused(label + "不能超过 " + max + " 个字");
        }
        String text = normalise(raw, label);
        if (text.isEmpty()) {
            return null;
        }
        int length = length(text);
        if (length > max) {
            throw new Refused(label + "不能超过 " + max + " 个字（现有 " + length + " 个字）");
        }
        if (length < min) {
            throw new Refused(label + "应为 " + min + " 到 " + max + " 个字");
        }
        return text;
    }

    /** As {@link #clean(String)}, refusing a text that is empty after normalisation. */
    public String require(String raw) {
        String text = clean(raw);
        if (text == null) {
            throw new Refused(raw == null || raw.isEmpty() ? label + "不能为空" : label + "不能为空（只有空格或不可见的字符）");
        }
        return text;
    }

    /** As {@link #require(String)}, refusing with a 400 that names the request field. */
    public String requireAt(String field, String raw) {
        try {
            return require(raw);
        } catch (Refused e) {
            throw e.toApi(field);
        }
    }

    /** As {@link #clean(String)}, refusing with a 400 that names the request field. */
    public String cleanAt(String field, String raw) {
        try {
            return clean(raw);
        } catch (Refused e) {
            throw e.toApi(field);
        }
    }

    /** What is wrong with a text, or null when it passes ({@code required}: an empty text is wrong). */
    public String problem(String raw, boolean required) {
        try {
            if (required) {
                require(raw);
            } else {
                clean(raw);
            }
            return null;
        } catch (Refused e) {
            return e.getMessage();
        }
    }

    /**
     * The text normalised as {@link #clean} would, with refused characters removed instead of refused and no
     * limit: for reading what was stored before the rule existed, never for accepting input.
     */
    public String lenient(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder valid = new StringBuilder(raw.length());
        raw.codePoints().filter(cp -> !(cp <= 0xFFFF && Character.isSurrogate((char) cp)) && !isNonCharacter(cp)
                        && (Character.getType(cp) != Character.CONTROL || isLineBreak(cp) || cp == '\t'))
                .forEach(valid::appendCodePoint);
        return normalise(valid.toString(), label);
    }

    /** Characters as people count them: code points. */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    private String normalise(String raw, String label) {
        refuseInvalid(raw, label);
        String filtered = filter(raw);
        String text;
        if (form != Form.NAME && Normalizer.isNormalized(filtered, Normalizer.Form.NFC)) {
            // Nearly every text a clerk types is NFC already (quick check): nothing new to filter (filter is idempotent).
            text = filtered;
        } else {
            String normalised = form == Form.NAME ? nfkcKeepingFullWidthPunctuation(filtered) : Normalizer.normalize(filtered, Normalizer.Form.NFC);
            // Normalisation may bring out new invisible or space characters (U+FFA0 becomes a Hangul filler): filter again.
            text = filter(normalised);
        }
        if (form == Form.TEXT) {
            return text.codePoints().allMatch(FreeText::isSpace) ? "" : text;
        }
        return collapseSpaces(text);
    }

    /** NFKC, but U+FF01–U+FF65 punctuation (not letters or digits) is kept as typed, after NFC. */
    private static String nfkcKeepingFullWidthPunctuation(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp >= 0xFF01 && cp <= 0xFF65 && !Character.isLetterOrDigit(cp)) {
                out.append(Normalizer.normalize(text.substring(start, i), Normalizer.Form.NFKC)).appendCodePoint(cp);
                start = next;
            }
            i = next;
        }
        return out.append(Normalizer.normalize(text.substring(start), Normalizer.Form.NFKC)).toString();
    }

    private static void refuseInvalid(String raw, String label) {
        int position = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            position++;
            if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                throw new Refused(label + "的第 " + position + " 个字符是残缺的字符（" + hex(cp) + "），请删除后再保存");
            }
            if (isNonCharacter(cp)) {
                throw new Refused(label + "的第 " + position + " 个字符 " + hex(cp) + " 不是有效的文字，请删除后再保存");
            }
            if (Character.getType(cp) == Character.CONTROL && !isLineBreak(cp) && cp != '\t') {
                throw new Refused(label + "的第 " + position + " 个字符是不可见的控制字符 " + hex(cp) + "，请删除后再保存");
            }
            i += Character.charCount(cp);
        }
    }

    /**
     * Line breaks and tabs as the form wants them, invisible characters dropped (see the class). A text that needs
     * none of this, nearly every one a clerk types, is returned as it is, without a copy.
     */
    private String filter(String s) {
        StringBuilder out = null;
        int previous = -1;
        for (int i = 0; i < s.length(); ) {
            int start = i;
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int kept = cp;
            if (cp == '\r' && i < s.length() && s.charAt(i) == '\n') {
                kept = -1;
            } else if (isLineBreak(cp)) {
                kept = form == Form.TEXT ? '\n' : ' ';
            } else if (cp == '\t') {
                kept = form == Form.TEXT ? '\t' : ' ';
            } else if (isInvisible(cp) && !(form != Form.NAME && isJoinerOrSelector(cp) && previous >= 0
                    && !isSpace(previous) && !isInvisible(previous))) {
                kept = -1;
            }
            if (kept != cp && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, start);
            }
            if (kept < 0) {
                continue;
            }
            if (out != null) {
                out.appendCodePoint(kept);
            }
            previous = kept;
        }
        return out == null ? s : out.toString();
    }

    private static String collapseSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                space = true;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    static boolean isLineBreak(int cp) {
        return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    /** Spaces of every kind, including no-break spaces, the ideographic space and the blank braille pattern. */
    static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x2800;
    }

    /** Format characters (Cf) and the other default-ignorable code points: nothing to see, much to confuse. */
    static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160
                || cp == 0x17B4 || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164
                || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8)
                || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    private static boolean isJoinerOrSelector(int cp) {
        return cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static boolean isNonCharacter(int cp) {
        return (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }

    private static String hex(int cp) {
        return String.format("U+%04X", cp);
    }
}
