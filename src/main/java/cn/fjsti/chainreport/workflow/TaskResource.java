package cn.fjsti.chainreport.workflow;

import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.region.Region;
import cn.fjsti.chainreport.security.CurrentUser;
import cn.fjsti.chainreport.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's work list: the engine's open user tasks for the caller's region. */
@Tag(name = ApiTags.GENERAL)
@Path("/api/tasks")
@Authenticated
public class TaskResource {

    @Inject
    TaskService tasks;

    @Inject
    RuntimeService runtime;

    @Inject
    CurrentUser user;

    /** An open task as the work list shows it. */
    public record TaskView(String id, String key, String name, OffsetDateTime createdAt, OffsetDateTime dueAt,
                           Long campaignId, String campaignTitle, Long reportId, String regionCode, String regionName) {
    }

    @GET
    @Operation(summary = "我的待办", description = "本单位在流程引擎中的待办任务（确定产业链、撰写报告、审核报告等）")
    public List<TaskView> mine() {
        String group = user.is(Role.INSTITUTE) ? Workflow.INSTITUTE_GROUP
                : user.is(Role.COUNTY) || user.is(Role.CITY) ? user.regionCode() : null;
        if (group == null) {
            return List.of();
        }
        List<Task> open = tasks.createTaskQuery().taskCandidateGroup(group)
                .orderByTaskCreateTime().asc().orderByTaskId().asc().list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> varsByProcess = new HashMap<>();
        String[] processIds = open.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(processIds)
                .variableNameIn(Workflow.Var.CAMPAIGN_ID, Workflow.Var.REPORT_ID, Workflow.Var.REGION_CODE, Workflow.Var.UNIT_CODE).list()) {
            varsByProcess.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        Map<Long, String> titles = new HashMap<>();
        return open.stream().map(t -> {
            Map<String, Object> vars = varsByProcess.getOrDefault(t.getProcessInstanceId(), Map.of());
            Long campaignId = (Long) vars.get(Workflow.Var.CAMPAIGN_ID);
            String campaignTitle = campaignId == null ? null : titles.computeIfAbsent(campaignId, TaskResource::campaignTitle);
            String region = (String) vars.getOrDefault(Workflow.Var.REGION_CODE, vars.get(Workflow.Var.UNIT_CODE));
            return new TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(), Times.beijing(t.getCreateTime()),
                    Times.beijing(t.getDueDate()), campaignId, campaignTitle, (Long) vars.get(Workflow.Var.REPORT_ID),
                    region, region == null ? null : Region.nameOf(region));
        }).toList();
    }

    /**
     * A campaign's title, read by entity name: the workflow package serves every feature's tasks and depends on
     * none of them (the campaign feature starts its processes through it).
     */
    private static String campaignTitle(Long campaignId) {
        return io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                .createQuery("select c.title from Campaign c where c.id = :id", String.class).setParameter("id", campaignId)
                .getResultStream().findFirst().orElse(null);
    }
}
