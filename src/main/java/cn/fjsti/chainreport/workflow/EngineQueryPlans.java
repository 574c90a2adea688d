package cn.fjsti.chainreport.workflow;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import org.jboss.logging.Logger;

/**
 * What the engine's own queries need from the database here and its schema scripts (Camunda 7.23, H2 and
 * PostgreSQL) do not give. Applied once the engine has built or checked its schema, at every start, each only if
 * missing; the engine's upgrade scripts leave indexes they do not know alone. Figures: docs/benchmarks.md, "Issue
 * 23, twelfth session".
 *
 * <ul>
 *   <li><b>An index on the sub-tasks</b> ({@value #TASK_PARENT}, both databases): every task completion looks for
 *       the task's sub-tasks ({@code select … from ACT_RU_TASK where PARENT_TASK_ID_ = ?}, the engine's
 *       {@code TaskManager.deleteTask}); without an index that reads every open task of every process. With 7,000
 *       open tasks (national scale) 0.9–1.3 ms per completion, 0.04 ms with the index (H2).</li>
 *   <li><b>H2 only: the statistics a young database lacks.</b> H2 plans a query from each column's
 *       selectivity, which is 50 (of 100) until its automatic {@code ANALYZE} has seen 2,000 changed rows of the
 *       table. Until then every process-variable lookup ({@code … from ACT_RU_VARIABLE where EXECUTION_ID_ = ? and
 *       TASK_ID_ is null}, at every task completion) took the index on {@code TASK_ID_} and read every process
 *       variable of every process: 800 rows, 4.4 ms, on the first deadline-day rush of a new installation, against
 *       about 8 rows through the execution's index. Variables here are never task-local ({@code TASK_ID_} is
 *       always null), so its selectivity is set to 1 while it is still the default; {@code ANALYZE} later
 *       measures the same.</li>
 * </ul>
 *
 * <p>A failure is logged and does not stop the start: each of these only makes queries faster.
 */
@ApplicationScoped
public class EngineQueryPlans {

    static final String TASK_PARENT = "CR_IDX_TASK_PARENT";

    /** H2's selectivity of a column that no ANALYZE has measured yet. */
    static final int H2_DEFAULT_SELECTIVITY = 50;

    private static final Logger LOG = Logger.getLogger(EngineQueryPlans.class);

    @Inject
    AgroalDataSource dataSource;

    void apply(@Observes CamundaEngineStartupEvent event) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS " + TASK_PARENT + " ON ACT_RU_TASK (PARENT_TASK_ID_)");
            if ("H2".equals(connection.getMetaData().getDatabaseProductName())
                    && h2Selectivity(connection, "ACT_RU_VARIABLE", "TASK_ID_") == H2_DEFAULT_SELECTIVITY) {
                statement.execute("ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN TASK_ID_ SELECTIVITY 1");
            }
        } catch (SQLException e) {
            LOG.warnf("The engine's query plans were not tuned: %s", e.getMessage());
        }
    }

    /** H2's selectivity of a column (1–100), or -1 if there is no such column. */
    static int h2Selectivity(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT SELECTIVITY FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            query.setString(1, table);
            query.setString(2, column);
            try (ResultSet r = query.executeQuery()) {
                return r.next() ? r.getInt(1) : -1;
            }
        }
    }
}
