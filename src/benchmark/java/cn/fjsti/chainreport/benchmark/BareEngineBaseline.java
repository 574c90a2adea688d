package cn.fjsti.chainreport.benchmark;

import cn.fjsti.chainreport.workflow.Workflow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;

/**
 * The yardstick for the service's overhead: the same engine (this JVM, this database, this history level)
 * taking reports through the same process steps by its Java API alone, with no HTTP, no security, no
 * entities and no documents. A report's steps are those the service's requests run, each in one transaction
 * as each request is:
 * <ol>
 *   <li>the declaration: the county's survey task "确定本县重点产业链" found by the survey's business key and
 *   completed (its last step then waits as a job, as in the service), and the report's process started;</li>
 *   <li>the submission: the drafting task found by the report's process and completed (the submission step
 *   runs); the city's review: its task found and completed, every fifth report returned once and submitted
 *   again, then approved.</li>
 * </ol>
 * Tasks are found as the service finds them (the survey's by a task query on the business key, a report's by
 * the same fixed native query as {@code ReportProcess.activeTask}). The processes are county-survey.bpmn and
 * report.bpmn themselves, deployed under keys of their own with their service steps' delegates replaced by an
 * expression (they would look for campaign and report rows). The surveys are started before the clock starts,
 * as the service starts them when a campaign opens; the jobs their declarations leave are held (their job
 * definition suspended) until the clock stops, since in the service they run after the declaration's answer,
 * beside the county's next, untimed requests.
 */
@ApplicationScoped
public class BareEngineBaseline {

    static final String KEY = "Bench_BareReport";
    static final String SURVEY_KEY = "Bench_BareSurvey";

    @Inject
    RepositoryService repository;

    @Inject
    RuntimeService runtime;

    @Inject
    TaskService tasks;

    @Inject
    ManagementService management;

    /** The engine's task table, as the service's native query names it; read at the start of each run. */
    private volatile String taskTable;

    /** What one run measured. */
    public record Result(int reports, long nanos, double millisPerReport) {
    }

    /**
     * Takes {@code reports} reports through their steps, one after another.
     *
     * @param reports how many, 1 to 20,000 (checked by the caller)
     * @param first   the number of the first of them, 0 or more: report {@code first + i} is returned once when it
     *                is a multiple of five, so that runs in several parts return the same reports as one run
     * @return the time of the steps alone, in nanoseconds and milliseconds per report
     */
    public Result run(int reports, int first) {
        repository.createDeployment().name("benchmark baseline").enableDuplicateFiltering(true)
                .addModelInstance("bench-report.bpmn", model("bpmn/report.bpmn", KEY))
                .addModelInstance("bench-county-survey.bpmn", model("bpmn/county-survey.bpmn", SURVEY_KEY))
                .deploy();
        taskTable = management.getTableName(Task.class);
        Date deadline = new Date(System.currentTimeMillis() + 86_400_000L * 30);
        // Each run's surveys have business keys of their own: a run never finds a task another run left open.
        String prefix = "bench/" + UUID.randomUUID() + "/";
        for (int i = 0; i < reports; i++) {
            runtime.startProcessInstanceByKey(SURVEY_KEY, prefix + i, Variables.createVariables()
                    .putValue(Workflow.Var.CAMPAIGN_ID, -1L)
                    .putValue(Workflow.Var.DEADLINE, deadline)
                    .putValue(Workflow.Var.REGION_CODE, "bench-county-" + i));
        }
        management.suspendJobDefinitionByProcessDefinitionKey(SURVEY_KEY, true);
        long nanos;
        try {
            long start = System.nanoTime();
            for (int i = 0; i < reports; i++) {
                String id = declare(prefix + i, i, deadline);
                submit(id);
                if ((first + i) % 5 == 0) {
                    review(id, false);
                    submit(id);
                }
                review(id, true);
            }
            nanos = System.nanoTime() - start;
        } finally {
            // The held jobs now run and end their surveys.
            management.activateJobDefinitionByProcessDefinitionKey(SURVEY_KEY, true);
        }
        return new Result(reports, nanos, nanos / 1e6 / Math.max(reports, 1));
    }

    /** Ends the survey's task and starts the report's process, in one transaction; returns the process's id. */
    private String declare(String surveyKey, int i, Date deadline) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Task declaration = tasks.createTaskQuery().processInstanceBusinessKey(surveyKey)
                    .taskDefinitionKey(Workflow.Task.DECLARE_CHAINS).singleResult();
            tasks.complete(declaration.getId(), Map.of(Workflow.Var.ACTOR, "bench"));
            return runtime.startProcessInstanceByKey(KEY, "bench-" + i, Variables.createVariables()
                    .putValue(Workflow.Var.CAMPAIGN_ID, -1L)
                    .putValue(Workflow.Var.REPORT_ID, (long) -i)
                    .putValue(Workflow.Var.REGION_CODE, "bench-county")
                    .putValue(Workflow.Var.REVIEW_UNIT, "bench-city")
                    .putValue(Workflow.Var.CITY_REVIEW, true)
                    .putValue(Workflow.Var.DEADLINE, deadline)).getId();
        });
    }

    private void submit(String processInstanceId) {
        QuarkusTransaction.requiringNew().run(() ->
                tasks.complete(activeTask(processInstanceId).getId(), Map.of(Workflow.Var.ACTOR, "bench")));
    }

    private void review(String processInstanceId, boolean approved) {
        QuarkusTransaction.requiringNew().run(() -> tasks.complete(activeTask(processInstanceId).getId(),
                Map.of(Workflow.Var.APPROVED, approved, Workflow.Var.ACTOR, "bench")));
    }

    /** The process's open task, by the statement the service uses. */
    private Task activeTask(String processInstanceId) {
        return tasks.createNativeTaskQuery()
                .sql("select RES.* from " + taskTable + " RES where RES.PROC_INST_ID_ = #{processInstanceId}")
                .parameter("processInstanceId", processInstanceId)
                .singleResult();
    }

    /** One of the service's processes under another key, its service steps doing nothing. */
    private static BpmnModelInstance model(String resource, String key) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            Process process = model.getModelElementsByType(Process.class).iterator().next();
            process.setId(key);
            for (ServiceTask step : model.getModelElementsByType(ServiceTask.class)) {
                step.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
                step.setCamundaExpression("${true}");
            }
            return model;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
