package cn.fjsti.chainreport.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;

/** Row counts of every table a request could write, application and engine, to prove a refusal wrote nothing. */
@ApplicationScoped
public class Database {

    private static final List<String> TABLES = List.of("campaign", "pilot_chain", "report", "report_unit",
            "report_revision", "report_revision_unit", "account", "region", "review_comment", "merge_group", "merge_member",
            "dismissed_proposal", "city_package", "package_round", "package_round_report", "notification", "audit_event");

    @Inject
    EntityManager em;

    @Inject
    ProcessEngine engine;

    public Map<String, Long> counts() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
            }
            counts.put("sum of package versions", ((Number) em.createNativeQuery("select coalesce(sum(version), 0) from city_package")
                    .getSingleResult()).longValue());
            counts.put("merged or withdrawn reports", ((Number) em.createNativeQuery(
                    "select count(*) from report where merged_into is not null or withdrawn_at is not null").getSingleResult()).longValue());
            counts.put("decided rounds", ((Number) em.createNativeQuery("select count(*) from package_round where decision is not null")
                    .getSingleResult()).longValue());
            counts.put("sum of report versions", ((Number) em.createNativeQuery("select coalesce(sum(version), 0) from report")
                    .getSingleResult()).longValue());
            counts.put("process instances", engine.getRuntimeService().createProcessInstanceQuery().count());
            counts.put("tasks", engine.getTaskService().createTaskQuery().count());
            counts.put("completed tasks", engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count());
            return counts;
        });
    }

    /** Adds a second account for a region (two clerks of one bureau), with the demo password. */
    public void addAccount(String username, cn.fjsti.chainreport.security.Role role, String region) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (cn.fjsti.chainreport.security.Account.byUsername(username).isEmpty()) {
                new cn.fjsti.chainreport.security.Account(username, cn.fjsti.chainreport.security.Passwords.hash(Api.PASSWORD),
                        role, region, username).persist();
            }
        });
    }

    /** Runs the action and asserts that no table changed. */
    public void assertWritesNothing(Runnable action) {
        Map<String, Long> before = counts();
        action.run();
        assertThat(counts()).as("rows after a refused request").isEqualTo(before);
    }
}
