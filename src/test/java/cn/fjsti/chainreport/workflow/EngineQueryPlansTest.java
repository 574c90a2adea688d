package cn.fjsti.chainreport.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The engine's tables carry what its queries need here, on whichever database the suite runs. */
@QuarkusTest
class EngineQueryPlansTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldIndexTheTasksByParentTask() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(List.of("PARENT_TASK_ID_"), indexedColumns(connection, "ACT_RU_TASK", EngineQueryPlans.TASK_PARENT));
        }
    }

    @Test
    void shouldLookUpProcessVariablesByTheirExecutionOnH2() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return; // PostgreSQL keeps its own statistics of nulls
            }
            // As on a young database: the statistics back at H2's default, then a start.
            statement.execute("ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN TASK_ID_ SELECTIVITY " + EngineQueryPlans.H2_DEFAULT_SELECTIVITY);
            starts();
            assertEquals(1, EngineQueryPlans.h2Selectivity(connection, "ACT_RU_VARIABLE", "TASK_ID_"));
            try (ResultSet plan = statement.executeQuery("EXPLAIN SELECT * FROM ACT_RU_VARIABLE RES"
                    + " WHERE EXECUTION_ID_ = 'x' AND TASK_ID_ IS NULL")) {
                plan.next();
                String text = plan.getString(1);
                assertTrue(text.contains("ACT_FK_VAR_EXE"), "the lookup should go through the execution's index: " + text);
            }
            // Measured statistics are left as they are.
            statement.execute("ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN TASK_ID_ SELECTIVITY 7");
            starts();
            assertEquals(7, EngineQueryPlans.h2Selectivity(connection, "ACT_RU_VARIABLE", "TASK_ID_"));
            statement.execute("ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN TASK_ID_ SELECTIVITY 1");
        }
    }

    @Test
    void shouldStartAgainOnATunedDatabase() throws Exception {
        starts();
        starts();
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(List.of("PARENT_TASK_ID_"), indexedColumns(connection, "ACT_RU_TASK", EngineQueryPlans.TASK_PARENT));
        }
    }

    private void starts() {
        EngineQueryPlans plans = new EngineQueryPlans();
        plans.dataSource = dataSource;
        plans.apply(null);
    }

    /** The columns of the named index, by JDBC metadata (PostgreSQL folds unquoted names to lower case). */
    private static List<String> indexedColumns(Connection connection, String table, String index) throws Exception {
        DatabaseMetaData meta = connection.getMetaData();
        List<String> columns = new ArrayList<>();
        for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
            try (ResultSet r = meta.getIndexInfo(null, null, name, false, false)) {
                while (r.next()) {
                    if (index.equalsIgnoreCase(r.getString("INDEX_NAME"))) {
                        columns.add(r.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return columns;
    }
}
