package cn.fjsti.chainreport.common;

import jakarta.persistence.EntityManager;

/**
 * How many rows a table holds, asked in SQL: for the checks a start makes before it fills an empty database.
 *
 * <p>Not a Panache {@code count()}: the start's first query in HQL spends ≈ 0.1 s of its critical path readying
 * Hibernate's query translator, which {@link NamedQueryWarmUp} readies on a thread of its own instead
 * (docs/benchmarks.md, twenty-first session).
 */
public final class TableRows {

    private TableRows() {
    }

    /**
     * @param table a table of the service's schema, named in code (never a user's input)
     * @return the number of its rows, in the caller's transaction
     */
    public static long count(EntityManager entityManager, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return ((Number) entityManager.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }
}
