package cn.fjsti.chainreport.common;

/**
 * Every limit the API documents, in one place: the door checks them ({@link FreeText}, the request records) and
 * a test checks that each column holds the most that can pass the door. Text limits count characters as people
 * count them (Unicode code points, after {@link FreeText} has normalised the text); H2 counts UTF-16 units, so a
 * column holding a text of {@code n} characters is {@link #utf16(int) utf16(n)} wide.
 */
public final class Limits {

    /** A chain name (county declaration, city-led report, pilot chain, merged report). */
    public static final int CHAIN_NAME = 60;
    /** The shortest chain name a county may declare. */
    public static final int CHAIN_NAME_MIN = 2;
    /** A campaign's title. */
    public static final int CAMPAIGN_TITLE = 200;
    /** A review or package comment. */
    public static final int COMMENT = 4000;
    /** An account's display name. */
    public static final int DISPLAY_NAME = 100;
    /** A section a person writes (county and city-led reports). */
    public static final int SECTION = 20_000;
    /** Reports in one merge. */
    public static final int MERGE_REPORTS = 50;
    /** What a merge adds to each county's text in a section: 【region name】, line breaks between counties. */
    public static final int MERGE_LABEL = 100;
    /**
     * A section of a consolidated report: it starts with every county's words (nothing dropped), so it holds
     * what the largest merge can produce, and the city may save it while condensing it.
     */
    public static final int MERGED_SECTION = MERGE_REPORTS * (SECTION + MERGE_LABEL);
    /** Rows of the strong-units table. */
    public static final int UNIT_ROWS = 200;
    /** Units-table cells. */
    public static final int UNIT_NAME = 200;
    public static final int UNIT_STRENGTH = 1000;
    public static final int UNIT_CONTACT = 200;
    /** A table or figure's caption (题注), without its automatic number. */
    public static final int EXHIBIT_CAPTION = 100;
    /** A data table's rows (the header row included) and columns, and the characters of one cell. */
    public static final int TABLE_ROWS = 30;
    public static final int TABLE_COLUMNS = 10;
    public static final int TABLE_CELL = 200;
    /** Tables and figures in one section (each is one marker line in the section's text). */
    public static final int SECTION_EXHIBITS = 30;
    /** A figure's file: PNG or JPEG bytes. */
    public static final int IMAGE_BYTES = 5 * 1024 * 1024;
    /** A figure's pixels: each side, and their product (what a decoder would have to hold). */
    public static final int IMAGE_SIDE = 8000;
    public static final long IMAGE_PIXELS = 40_000_000L;
    /** bcrypt reads at most 72 bytes of a password (UTF-8). */
    public static final int PASSWORD_BYTES = 72;
    /** A user name. */
    public static final int USERNAME = 64;
    /** Entries of one page of the audit log, and the last page anyone can ask for. */
    public static final int AUDIT_PAGE_SIZE = 100;
    public static final int AUDIT_MAX_PAGE = Integer.MAX_VALUE / AUDIT_PAGE_SIZE - 1;
    /**
     * A chain's comparison key: the normalised name without spaces (lower-casing may lengthen a character), and
     * for a consolidated report "#合并" and the merge's id.
     */
    public static final int CHAIN_KEY = 2 * CHAIN_NAME + 3 + 19;
    /** What an inbox message adds around a comment it quotes (report title, who, which round). */
    public static final int NOTIFICATION_FRAME = 1000;

    private Limits() {
    }

    /** UTF-16 units (what H2 counts) of a text of {@code characters} code points. */
    public static int utf16(int characters) {
        return 2 * characters;
    }
}
