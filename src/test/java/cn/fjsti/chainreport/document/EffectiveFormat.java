package cn.fjsti.chainreport.document;

import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrBase;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;

/**
 * Formatting as Word resolves it for a run or paragraph: the run's or paragraph's own setting, else its paragraph
 * character style's, else its paragraph style's, following {@code basedOn}. Reads the reopened file, so a style that is named but missing fails.
 */
final class EffectiveFormat {

    private EffectiveFormat() {
    }

    static String eastAsiaFont(XWPFRun r) {
        String own = r.getFontFamily(XWPFRun.FontCharRange.eastAsia);
        return own != null ? own : fromRunStyle(r, rpr -> rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0).getEastAsia() : null);
    }

    static String asciiFont(XWPFRun r) {
        String own = r.getFontFamily(XWPFRun.FontCharRange.ascii);
        return own != null ? own : fromRunStyle(r, rpr -> rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0).getAscii() : null);
    }

    static double sizePoints(XWPFRun r) {
        Double own = r.getFontSizeAsDouble();
        if (own != null) {
            return own;
        }
        BigInteger halfPoints = fromRunStyle(r, rpr -> rpr.sizeOfSzArray() > 0 ? (BigInteger) rpr.getSzArray(0).getVal() : null);
        return halfPoints == null ? Double.NaN : halfPoints.doubleValue() / 2;
    }

    static boolean bold(XWPFRun r) {
        if (r.getCTR().getRPr() != null && r.getCTR().getRPr().sizeOfBArray() > 0) {
            return r.isBold();
        }
        Boolean b = fromRunStyle(r, rpr -> rpr.sizeOfBArray() > 0 ? onOff(rpr.getBArray(0).getVal()) : null);
        return Boolean.TRUE.equals(b);
    }

    static String lineRule(XWPFParagraph p) {
        return paragraphSetting(p, ppr -> ppr.isSetSpacing() && ppr.getSpacing().isSetLineRule() ? ppr.getSpacing().getLineRule().toString() : null);
    }

    static int lineTwips(XWPFParagraph p) {
        BigInteger line = paragraphSetting(p, ppr -> ppr.isSetSpacing() && ppr.getSpacing().isSetLine() ? (BigInteger) ppr.getSpacing().getLine() : null);
        return line == null ? -1 : line.intValue();
    }

    static int firstLineIndentTwips(XWPFParagraph p) {
        BigInteger indent = paragraphSetting(p, ppr -> ppr.isSetInd() && ppr.getInd().isSetFirstLine() ? (BigInteger) ppr.getInd().getFirstLine() : null);
        return indent == null ? 0 : indent.intValue();
    }

    static String alignment(XWPFParagraph p) {
        return paragraphSetting(p, ppr -> ppr.isSetJc() ? ppr.getJc().getVal().toString() : null);
    }

    private static Boolean onOff(Object value) {
        return value == null || !(value.toString().equals("0") || value.toString().equals("false") || value.toString().equals("off"));
    }

    /** The run's character style (w:rStyle) first, then its paragraph's style chain. */
    private static <T> T fromRunStyle(XWPFRun r, Function<CTRPr, T> get) {
        if (!(r.getParent() instanceof XWPFParagraph p)) {
            return null;
        }
        String runStyle = r.getStyle();
        if (runStyle != null && !runStyle.isEmpty()) {
            XWPFStyle style = Optional.ofNullable(p.getDocument().getStyles().getStyle(runStyle))
                    .orElseThrow(() -> new AssertionError("character style missing: " + runStyle));
            T value = style.getCTStyle().getRPr() == null ? null : get.apply(style.getCTStyle().getRPr());
            if (value != null) {
                return value;
            }
        }
        return styleChain(p, s -> s.getRPr() == null ? null : get.apply(s.getRPr()));
    }

    private static <T> T paragraphSetting(XWPFParagraph p, Function<CTPPrBase, T> get) {
        if (p.getCTP().getPPr() != null) {
            T own = get.apply(p.getCTP().getPPr());
            if (own != null) {
                return own;
            }
        }
        return styleChain(p, s -> s.getPPr() == null ? null : get.apply(s.getPPr()));
    }

    private static <T> T styleChain(XWPFParagraph p, Function<CTStyle, T> get) {
        XWPFStyles styles = p.getDocument().getStyles();
        String id = p.getStyle();
        for (int depth = 0; id != null && depth < 10; depth++) {
            XWPFStyle style = Optional.ofNullable(styles.getStyle(id)).orElseThrow(() -> new AssertionError("style missing: " + p.getStyle()));
            T value = get.apply(style.getCTStyle());
            if (value != null) {
                return value;
            }
            id = style.getBasisStyleID();
        }
        return null;
    }
}
