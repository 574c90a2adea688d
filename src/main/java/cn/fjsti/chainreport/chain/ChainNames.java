package cn.fjsti.chainreport.chain;

import cn.fjsti.chainreport.common.FreeText;
import java.util.List;
import java.util.Locale;

/**
 * Spelling-independent keys for industry chain names, so that 集成电路产业链, 集成电路产业 and
 * 集成电路 全产业链 are one chain: NFKC (full-width to half-width), no spaces, 与/及 read as 和,
 * and the 全产业链/产业链/产业 suffix removed. What a name may be is {@link FreeText#CHAIN_NAME}: NFKC, no
 * invisible characters (so four names that look the same are one name), no control characters, 2 to 60
 * characters after normalisation.
 */
public final class ChainNames {

    private static final List<String> SUFFIXES = List.of("全产业链", "产业链", "产业");

    private ChainNames() {
    }

    /**
     * A name a person typed, as it will be stored and shown; refused ({@link FreeText.Refused}) when it breaks
     * the rule or is empty after normalisation.
     */
    public static String accept(String field, String name) {
        return FreeText.CHAIN_NAME.requireAt(field, name);
    }

    /**
     * The name as shown: trimmed, inner runs of spaces collapsed, full-width letters and digits made half-width,
     * invisible characters dropped. Never refuses (it also reads names stored before the rule).
     */
    public static String display(String name) {
        return FreeText.CHAIN_NAME.lenient(name);
    }

    /** The comparison key of a chain name. */
    public static String key(String name) {
        String key = java.text.Normalizer.normalize(display(name), java.text.Normalizer.Form.NFKC)
                .replace(" ", "")
                .toLowerCase(Locale.ROOT)
                .replace('与', '和')
                .replace('及', '和');
        for (String suffix : SUFFIXES) {
            if (key.endsWith(suffix) && key.length() > suffix.length()) {
                return key.substring(0, key.length() - suffix.length());
            }
        }
        return key;
    }

    /** The industry a chain is about, for headings: 集成电路产业链 → 集成电路. */
    public static String industry(String name) {
        String shown = display(name);
        for (String suffix : SUFFIXES) {
            if (shown.endsWith(suffix) && shown.length() > suffix.length()) {
                return shown.substring(0, shown.length() - suffix.length()).strip();
            }
        }
        return shown;
    }
}
