package cn.fjsti.chainreport.chain;

import java.text.Normalizer;
import java.util.List;

/**
 * Spelling-independent keys for industry chain names, so that 集成电路产业链, 集成电路产业 and
 * 集成电路 全产业链 are one chain: NFKC (full-width to half-width), no spaces, 与/及 read as 和,
 * and the 全产业链/产业链/产业 suffix removed.
 */
public final class ChainNames {

    private static final List<String> SUFFIXES = List.of("全产业链", "产业链", "产业");

    private ChainNames() {
    }

    /** The name as shown: trimmed, inner runs of spaces collapsed, full-width letters and digits made half-width. */
    public static String display(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    /** The comparison key of a chain name. */
    public static String key(String name) {
        String key = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replaceAll("[\\s\\u3000]+", "")
                .toLowerCase()
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
