package cn.fjsti.chainreport.consolidation;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one rule for when two rows of units tables name the same unit (enterprise, university, institute,
 * platform): NFKC, no spaces, no bracketed qualifier of up to eight characters (（福建）, (厦门), （集团）), no
 * leading 福建省, and no legal-form suffix (股份有限公司, 有限责任公司, 有限公司, 股份公司, 集团公司, 公司). So
 * 宁德时代新能源科技股份有限公司 and 宁德时代新能源科技有限公司 are one unit; 福建农林大学 stays itself.
 * Nothing fuzzier: two different names after this rule are two units.
 */
public final class UnitNames {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern BRACKETED = Pattern.compile("[（(][^（）()]{1,8}[）)]");
    private static final Pattern PROVINCE = Pattern.compile("^福建省");
    private static final Pattern LEGAL_FORM = Pattern.compile("(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司)$");

    private UnitNames() {
    }

    /** The unit's key under the rule above; "" for a blank or missing name. */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String plain = SPACES.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll("");
        String key = BRACKETED.matcher(plain).replaceAll("");
        key = PROVINCE.matcher(key).replaceFirst("");
        key = LEGAL_FORM.matcher(key).replaceFirst("");
        // A name that is only a legal form or a qualifier keeps its own spelling rather than matching every other.
        return key.length() < 2 ? plain : key;
    }
}
