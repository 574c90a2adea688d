package cn.fjsti.chainreport.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fingerprint of every table a request could write, application and engine, to prove a refusal wrote nothing.
 * The tables are read from the schema (INFORMATION_SCHEMA), so a new table cannot escape: all of ours but Flyway's
 * history, and the engine's runtime and history tables (ACT_RU_*, ACT_HI_*; not its metrics, which it writes on
 * its own, nor ACT_GE_*, where it reserves id blocks in transactions of their own). Per table: the rows, the
 * sum of the version columns (REV_ for the engine: an update moves a version), and for our tables the non-null
 * values of each nullable column (an update that sets merged_into or a decision shows), for the engine's the
 * ended instances (END_TIME_).
 */
@ApplicationScoped
public class Database {

    @Inject
    EntityManager em;

    private volatile Map<String, List<String>> fingerprintQueries;

    public Map<String, Long> counts() {
        Map<String, List<String>> tables = fingerprintQueries();
        // One statement for the whole fingerprint: it runs before and after every refused request.
        StringBuilder sql = new StringBuilder("select * from ");
        List<String> labels = new java.util.ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<String>> table : tables.entrySet()) {
            List<String> aliased = new java.util.ArrayList<>();
            for (String select : table.getValue()) {
                aliased.add(select + " as f" + labels.size());
                labels.add(table.getKey() + ": " + select);
            }
            sql.append(n++ == 0 ? "" : ", ").append("(select ").append(String.join(", ", aliased))
                    .append(" from ").append(table.getKey()).append(") t").append(n);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Object result = em.createNativeQuery(sql.toString()).getSingleResult();
            Object[] row = result instanceof Object[] values ? values : new Object[] {result};
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < row.length; i++) {
                counts.put(labels.get(i), ((Number) row[i]).longValue());
            }
            return counts;
        });
    }

    /** The tables the fingerprint covers, as the schema names them (lower case). */
    public java.util.Set<String> tables() {
        return fingerprintQueries().keySet();
    }

    private Map<String, List<String>> fingerprintQueries() {
        if (fingerprintQueries == null) {
            fingerprintQueries = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> columns = em.createNativeQuery("select c.table_name, c.column_name, c.is_nullable "
                        + "from information_schema.columns c join information_schema.tables t "
                        + "on t.table_schema = c.table_schema and t.table_name = c.table_name "
                        + "where c.table_schema = current_schema and t.table_type = 'BASE TABLE' "
                        + "order by c.table_name, c.ordinal_position").getResultList();
                Map<String, List<String>> parts = new java.util.TreeMap<>();
                for (Object[] column : columns) {
                    String table = ((String) column[0]).toLowerCase(java.util.Locale.ROOT);
                    String name = ((String) column[1]).toLowerCase(java.util.Locale.ROOT);
                    if (!covered(table)) {
                        continue;
                    }
                    List<String> selects = parts.computeIfAbsent(table, t -> new java.util.ArrayList<>(List.of("count(*)")));
                    boolean engine = table.startsWith("act_");
                    if ("YES".equalsIgnoreCase((String) column[2]) && (!engine || name.equals("end_time_"))) {
                        selects.add("count(" + name + ")");
                    }
                    if (name.equals("version") || name.equals("rev_")) {
                        selects.add("coalesce(sum(" + name + "), 0)");
                    }
                }
                return parts;
            });
        }
        return fingerprintQueries;
    }

    private static boolean covered(String table) {
        if (table.startsWith("flyway_")) {
            return false;
        }
        if (table.startsWith("act_")) {
            return (table.startsWith("act_ru_") || table.startsWith("act_hi_")) && !table.endsWith("meter_log");
        }
        return true;
    }

    /** Adds a second account for a region (two clerks of one bureau), with the demo password. */
    public void addAccount(String username, cn.fjsti.chainreport.security.Role role, String region) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (cn.fjsti.chainreport.security.Account.byUsername(username).isEmpty()) {
                new cn.fjsti.chainreport.security.Account(username, cn.fjsti.chainreport.security.Passwords.hash(Api.PASSWORD),
                        role, region, "另一位经办人").persist();
            }
        });
    }

    /** Runs the action and asserts that no table changed; a failure lists only what changed. */
    public void assertWritesNothing(Runnable action) {
        Map<String, Long> before = counts();
        action.run();
        Map<String, Long> after = counts();
        Map<String, String> changed = new java.util.TreeMap<>();
        after.forEach((key, value) -> {
            if (!value.equals(before.get(key))) {
                changed.put(key, before.get(key) + " -> " + value);
            }
        });
        assertThat(changed).as("what a refused request changed").isEmpty();
    }
}
