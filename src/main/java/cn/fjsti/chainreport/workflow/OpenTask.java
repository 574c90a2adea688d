package cn.fjsti.chainreport.workflow;

import org.camunda.bpm.engine.task.Task;

/**
 * A process instance's open user task as the features see it: which step it is ({@link Workflow.Task} key) and
 * its name, without the engine's own task type. The process facades hand it out and take it back to complete it.
 *
 * @param id   the engine's task id
 * @param key  the task definition key, one of {@link Workflow.Task}
 * @param name the step's name from the BPMN (Chinese, shown on the process page)
 */
public record OpenTask(String id, String key, String name) {

    /** The view of an engine task; null stays null (no open task). */
    public static OpenTask of(Task task) {
        return task == null ? null : new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName());
    }

    /** Whether this is the given step ({@link Workflow.Task} key). */
    public boolean is(String taskKey) {
        return taskKey.equals(key);
    }
}
