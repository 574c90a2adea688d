package cn.fjsti.chainreport.workflow;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.Set;
import java.util.TreeSet;
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
    void shouldKeepTheStatementsASubmissionRunsParsedOnH2() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return; // PostgreSQL's driver keeps its own per-connection cache of prepared statements
            }
            try (ResultSet setting = statement.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
                assertTrue(setting.next(), "H2 reports its statement cache");
                assertEquals("64", setting.getString(1), "H2's default of 8 parses most of a submission's statements again");
            }
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

    @Test
    void shouldDropTheIndexesNothingHereReadsAndKeepTheOnesItDoes() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Set<String> present = engineIndexes(connection);
            assertThat(present).as("dropped at start").doesNotContainAnyElementsOf(EngineQueryPlans.UNUSED_INDEXES);
            // What the service's and the engine's own lookups read stays.
            assertThat(present).contains("ACT_IDX_HI_ACT_INST_PROCINST", "ACT_IDX_HI_TASKINST_PROCINST",
                    "ACT_IDX_HI_TASK_INST_PROC_DEF_KEY", "ACT_IDX_HI_PRO_I_BUSKEY", "ACT_IDX_EXEC_BUSKEY",
                    "ACT_IDX_IDENT_LNK_GROUP", "ACT_IDX_EVENT_SUBSCR_EVT_NAME", "ACT_IDX_VARIABLE_TASK_NAME_TYPE",
                    EngineQueryPlans.TASK_PARENT);

            // One put back (as an upgrade script of the engine might): the next start drops it again.
            statement.execute("CREATE INDEX ACT_IDX_TASK_OWNER ON ACT_RU_TASK (OWNER_)");
            assertThat(engineIndexes(connection)).contains("ACT_IDX_TASK_OWNER");
            starts();
            assertThat(engineIndexes(connection)).doesNotContain("ACT_IDX_TASK_OWNER").containsAll(present);
        }
    }

    /** The names of the indexes on the engine's tables these tests look at, upper case (PostgreSQL's are lower). */
    private static Set<String> engineIndexes(Connection connection) throws Exception {
        Set<String> names = new TreeSet<>();
        for (String table : List.of("ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_PROCINST", "ACT_RU_TASK",
                "ACT_RU_IDENTITYLINK", "ACT_RU_VARIABLE", "ACT_RU_EXECUTION", "ACT_RU_EVENT_SUBSCR", "ACT_RU_JOB")) {
            for (String name : List.of(table, table.toLowerCase(Locale.ROOT))) {
                try (ResultSet r = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
                    while (r.next()) {
                        String index = r.getString("INDEX_NAME");
                        if (index != null) {
                            names.add(index.toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        return names;
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
