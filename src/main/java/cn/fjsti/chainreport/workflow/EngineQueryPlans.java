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
import java.util.List;
import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import org.jboss.logging.Logger;

/**
 * What the engine's own queries need from the database here and its schema scripts (Camunda 7.23, H2 and
 * PostgreSQL) do not give, and what they give that nothing here reads. Applied once the engine has built or checked
 * its schema, at every start, each only if still to do; the engine's upgrade scripts leave the index added here
 * alone. Figures: docs/benchmarks.md, "Issue 23, twelfth session" and "thirteenth session".
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
 *   <li><b>No indexes that only the engine's tools read</b> ({@link #UNUSED_INDEXES}, both databases). Every row
 *       the engine inserts or deletes is also written into each index of its table, and H2 writes each changed
 *       index's pages again at every commit. The engine's scripts index its history by start and end times,
 *       removal time, root process, process definition and tenant, and its tasks by assignee, owner, creation and
 *       update time, for the queries of Cockpit, history cleanup and multi-tenancy. None of these runs here: the
 *       service reads history by process instance (and sent packages by process definition key and business
 *       key), finds tasks by process instance, business key or candidate group, and has no tenants and no
 *       scheduled history cleanup. The deadline-day rush writes about a seventh less to the H2 file without
 *       them. The engine's upgrade scripts for a later Camunda version may drop or re-create indexes of these
 *       names: see docs/operations.md before running one.</li>
 * </ul>
 *
 * <p>A failure is logged and does not stop the start: each of these only makes the engine's work cheaper.
 */
@ApplicationScoped
public class EngineQueryPlans {

    static final String TASK_PARENT = "CR_IDX_TASK_PARENT";

    /**
     * The engine's indexes (Camunda 7.23, the same names on H2 and PostgreSQL) that no query of the service or of the
     * engine's work for it reads; dropped at every start if present. Kept on purpose: the primary keys, every index
     * behind a foreign key, history by process instance ({@code ACT_IDX_HI_ACT_INST_PROCINST}, {@code
     * ACT_IDX_HI_TASKINST_PROCINST}, the unique {@code PROC_INST_ID_} of {@code ACT_HI_PROCINST}), history of process
     * instances by business key (a city's sent packages) and of tasks by process definition key (that query joins
     * the process definition instead, so this one is only kept, not needed), running executions
     * by business key, identity links by group (candidate groups) and the two H2 holds for foreign keys ({@code
     * ACT_IDX_ATHRZ_PROCEDEF}, {@code ACT_IDX_BATCH_ID}), and every index of jobs, event subscriptions
     * and variables that a lookup of the engine uses.
     */
    static final List<String> UNUSED_INDEXES = List.of(
            // history of activities: Cockpit's statistics, history cleanup, removal time, tenants
            "ACT_IDX_HI_ACTINST_ROOT_PI", "ACT_IDX_HI_ACT_INST_END", "ACT_IDX_HI_ACT_INST_PROC_DEF_KEY",
            "ACT_IDX_HI_ACT_INST_RM_TIME", "ACT_IDX_HI_ACT_INST_START_END", "ACT_IDX_HI_ACT_INST_STATS",
            "ACT_IDX_HI_ACT_INST_TENANT_ID", "ACT_IDX_HI_AI_PDEFID_END_TIME",
            // history of tasks
            "ACT_IDX_HI_TASKINST_ROOT_PI", "ACT_IDX_HI_TASK_INST_END", "ACT_IDX_HI_TASK_INST_RM_TIME",
            "ACT_IDX_HI_TASK_INST_START", "ACT_IDX_HI_TASK_INST_TENANT_ID", "ACT_IDX_HI_TASKINSTID_PROCINST",
            // history of process instances
            "ACT_IDX_HI_PI_PDEFID_END_TIME", "ACT_IDX_HI_PRO_INST_END", "ACT_IDX_HI_PRO_INST_PROC_DEF_KEY",
            "ACT_IDX_HI_PRO_INST_PROC_TIME", "ACT_IDX_HI_PRO_INST_RM_TIME", "ACT_IDX_HI_PRO_INST_ROOT_PI",
            "ACT_IDX_HI_PRO_INST_TENANT_ID", "ACT_IDX_HI_PRO_RST_PRO_INST_ID",
            // open tasks: nobody is assigned or owns a task here, none is looked up by its times
            "ACT_IDX_TASK_ASSIGNEE", "ACT_IDX_TASK_CREATE", "ACT_IDX_TASK_LAST_UPDATED", "ACT_IDX_TASK_OWNER",
            "ACT_IDX_TASK_TENANT_ID",
            // identity links: no candidate users
            "ACT_IDX_IDENT_LNK_USER",
            // tenants
            "ACT_IDX_VARIABLE_TENANT_ID", "ACT_IDX_EXEC_TENANT_ID",
            "ACT_IDX_EVENT_SUBSCR_TENANT_ID", "ACT_IDX_JOB_TENANT_ID");

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
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // On PostgreSQL a plain DROP INDEX locks the whole table until it is done, and waits for every open
            // transaction on it first: on the first start of this version beside running nodes, every node's reads
            // and writes of the table would queue behind it. CONCURRENTLY (outside a transaction: this connection is
            // in autocommit) lets them go on.
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            String drop = postgres ? "DROP INDEX CONCURRENTLY IF EXISTS " : "DROP INDEX IF EXISTS ";
            if (postgres && !connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            for (String index : UNUSED_INDEXES) {
                try {
                    statement.execute(drop + index);
                } catch (SQLException e) {
                    LOG.warnf("The engine's index %s was kept: %s", index, e.getMessage());
                }
            }
        } catch (SQLException e) {
            LOG.warnf("The engine's unused indexes were kept: %s", e.getMessage());
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
