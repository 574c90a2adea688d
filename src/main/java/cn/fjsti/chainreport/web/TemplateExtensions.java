package cn.fjsti.chainreport.web;

import io.quarkus.qute.TemplateExtension;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** How the pages write times and numbers (Beijing time, as the API gives them). */
@TemplateExtension
public final class TemplateExtensions {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private TemplateExtensions() {
    }

    /** 2026年10月31日 23:59 */
    static String text(OffsetDateTime t) {
        return t == null ? "" : MINUTE.format(t);
    }

    /** 2026年10月31日 23:59:59, where the second matters (deadlines, sending). */
    static String exact(OffsetDateTime t) {
        return t == null ? "" : SECOND.format(t);
    }

    /** The value of a datetime-local input. */
    static String input(OffsetDateTime t) {
        return t == null ? "" : INPUT.format(t);
    }

    /** ISO-8601 for machine-readable attributes (datetime=, data-deadline=). */
    static String iso(OffsetDateTime t) {
        return t == null ? "" : t.toString();
    }
}
