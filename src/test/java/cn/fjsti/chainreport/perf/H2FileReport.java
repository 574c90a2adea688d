package cn.fjsti.chainreport.perf;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where an H2 file's bytes are, table by table, and what the service wrote to get there (issue 23,
 * docs/benchmarks.md "Issue 23: the season's file and the engine's features"). Not a test: a measurement, printed.
 *
 * <ul>
 *   <li>{@code tables FILE}: opens a stopped service's H2 file (path without {@code .mv.db}) and prints, per table,
 *       its rows and the bytes its pages take ({@code DISK_SPACE_USED}, which counts the table's live pages and
 *       its indexes'), the file's size and the text the reports hold (live sections and revisions, UTF-8).</li>
 *   <li>{@code statements URL OUT}: connects to a running service's database (an {@code AUTO_SERVER=TRUE} URL with
 *       {@code QUERY_STATISTICS=TRUE}) every 10 s until it is gone, and keeps the last copy of H2's statement
 *       statistics in OUT; {@code writes OUT} then sums them per table: inserts, updates and deletes.</li>
 * </ul>
 */
public final class H2FileReport {

    /** The eight texts a revision freezes (V1, report_revision). */
    private static final String[] REVISION_TEXTS = {"county_industry", "county_technology", "domestic_industry",
        "domestic_technology", "domestic_trends", "industry_measures", "innovation_directions", "units_note"};

    private H2FileReport() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "tables" -> tables(args[1], System.out);
            case "statements" -> statements(args[1], Path.of(args[2]));
            case "writes" -> writes(Path.of(args[1]), System.out);
            default -> throw new IllegalArgumentException("tables FILE | statements URL OUT | writes OUT");
        }
    }

    static void tables(String file, PrintStream out) throws Exception {
        long fileBytes = Files.size(Path.of(file + ".mv.db"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file + ";ACCESS_MODE_DATA=r", "sa", "");
             Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select TABLE_NAME from INFORMATION_SCHEMA.TABLES"
                    + " where TABLE_SCHEMA = 'PUBLIC' and TABLE_TYPE = 'BASE TABLE' order by TABLE_NAME")) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
            long total = 0;
            List<String[]> rows = new ArrayList<>();
            for (String name : names) {
                long count = single(s, "select count(*) from \"" + name + "\"");
                long bytes = single(s, "call DISK_SPACE_USED('\"" + name + "\"')");
                total += bytes;
                rows.add(new String[] {name, String.valueOf(count), String.valueOf(bytes)});
            }
            rows.sort((a, b) -> Long.compare(Long.parseLong(b[2]), Long.parseLong(a[2])));
            out.printf(Locale.ROOT, "%-32s %10s %12s%n", "table", "rows", "pages KB");
            for (String[] r : rows) {
                if (Long.parseLong(r[1]) > 0 || Long.parseLong(r[2]) > 0) {
                    out.printf(Locale.ROOT, "%-32s %10s %12.0f%n", r[0], r[1], Long.parseLong(r[2]) / 1024.0);
                }
            }
            long live = single(s, "select coalesce(sum(octet_length(section_text)), 0) from report_section");
            long revisions = 0;
            for (String col : REVISION_TEXTS) {
                revisions += single(s, "select coalesce(sum(octet_length(" + col + ")), 0) from report_revision");
            }
            out.printf(Locale.ROOT, "tables' pages %.1f MB; file %.1f MB; text: live %.1f MB, revisions %.1f MB;"
                    + " file / text %.1f×%n", total / 1e6, fileBytes / 1e6, live / 1e6, revisions / 1e6,
                    fileBytes / (double) (live + revisions));
        }
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static void statements(String url, Path out) throws Exception {
        int failures = 0;
        while (failures < 3) {
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                failures = 0;
                while (true) {
                    StringBuilder b = new StringBuilder();
                    try (ResultSet r = s.executeQuery("select EXECUTION_COUNT, replace(replace(SQL_STATEMENT, char(10), ' '), char(9), ' ')"
                            + " from INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                        while (r.next()) {
                            b.append(r.getLong(1)).append('\t').append(r.getString(2)).append('\n');
                        }
                    }
                    Files.writeString(out, b);
                    Thread.sleep(10_000);
                }
            } catch (Exception e) {
                failures++;
                Thread.sleep(2_000);
            }
        }
    }

    static void writes(Path file, PrintStream out) throws Exception {
        Map<String, long[]> perTable = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(0, tab));
            String sql = line.substring(tab + 1).trim().replaceAll("\\s+", " ");
            String upper = sql.toUpperCase(Locale.ROOT);
            int kind;
            String table;
            if (upper.startsWith("INSERT INTO ")) {
                kind = 0;
                table = upper.substring(12).split("[ (]")[0];
            } else if (upper.startsWith("UPDATE ")) {
                kind = 1;
                table = upper.substring(7).split(" ")[0];
            } else if (upper.startsWith("DELETE FROM ")) {
                kind = 2;
                table = upper.substring(12).split(" ")[0];
            } else if (upper.startsWith("DELETE ")) {
                kind = 2;
                table = upper.substring(7).split(" ")[0];
            } else {
                continue;
            }
            perTable.computeIfAbsent(table.replace("\"", ""), t -> new long[3])[kind] += count;
        }
        out.printf(Locale.ROOT, "%-32s %9s %9s %9s%n", "table", "inserts", "updates", "deletes");
        perTable.entrySet().stream().sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())))
                .forEach(e -> out.printf(Locale.ROOT, "%-32s %9d %9d %9d%n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
    }

    private static long sum(long[] v) {
        return v[0] + v[1] + v[2];
    }
}
