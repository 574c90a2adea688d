package cn.fjsti.chainreport.benchmark;

import cn.fjsti.chainreport.workflow.Workflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Date;
import java.util.Map;
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
 * taking reports through the same process steps by its Java API alone — start, the drafting task, the
 * submission step, the city's review (every fifth report returned once), the end — with no HTTP, no
 * security, no entities and no documents. The process is report.bpmn itself, deployed under its own key
 * with the submission step's delegate replaced by an expression (it would look for a report row).
 */
@ApplicationScoped
public class BareEngineBaseline {

    static final String KEY = "Bench_BareReport";

    @Inject
    RepositoryService repository;

    @Inject
    RuntimeService runtime;

    @Inject
    TaskService tasks;

    /** What one run measured. */
    public record Result(int reports, long nanos, double millisPerReport) {
    }

    public Result run(int reports) {
        deploy();
        Date deadline = new Date(System.currentTimeMillis() + 86_400_000L * 30);
        long start = System.nanoTime();
        for (int i = 0; i < reports; i++) {
            String id = runtime.startProcessInstanceByKey(KEY, "bench-" + i, Variables.createVariables()
                    .putValue(Workflow.Var.CAMPAIGN_ID, -1L)
                    .putValue(Workflow.Var.REPORT_ID, (long) -i)
                    .putValue(Workflow.Var.REGION_CODE, "bench-county")
                    .putValue(Workflow.Var.REVIEW_UNIT, "bench-city")
                    .putValue(Workflow.Var.CITY_REVIEW, true)
                    .putValue(Workflow.Var.DEADLINE, deadline)).getId();
            boolean returnOnce = i % 5 == 0;
            submit(id);
            if (returnOnce) {
                review(id, false);
                submit(id);
            }
            review(id, true);
        }
        long nanos = System.nanoTime() - start;
        return new Result(reports, nanos, nanos / 1e6 / Math.max(reports, 1));
    }

    private void submit(String processInstanceId) {
        Task draft = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(Workflow.Task.DRAFT_REPORT).singleResult();
        tasks.complete(draft.getId(), Map.of(Workflow.Var.ACTOR, "bench"));
    }

    private void review(String processInstanceId, boolean approved) {
        Task review = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(Workflow.Task.CITY_REVIEW).singleResult();
        tasks.complete(review.getId(), Map.of(Workflow.Var.APPROVED, approved, Workflow.Var.ACTOR, "bench"));
    }

    private void deploy() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("bpmn/report.bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromStream(in);
            Process process = model.getModelElementsByType(Process.class).iterator().next();
            process.setId(KEY);
            for (ServiceTask step : model.getModelElementsByType(ServiceTask.class)) {
                step.removeAttributeNs(BpmnModelConstants.CAMUNDA_NS, "delegateExpression");
                step.setCamundaExpression("${true}");
            }
            repository.createDeployment().name("benchmark baseline").enableDuplicateFiltering(true)
                    .addModelInstance("bench-report.bpmn", model).deploy();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
