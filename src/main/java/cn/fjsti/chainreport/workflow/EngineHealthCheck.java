package cn.fjsti.chainreport.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.ProcessEngine;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the engine answers a query and our process definitions are deployed. */
@Readiness
@ApplicationScoped
public class EngineHealthCheck implements HealthCheck {

    @Inject
    ProcessEngine engine;

    @Override
    public HealthCheckResponse call() {
        try {
            long definitions = engine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKeysIn(Workflow.Process.ALL)
                    .latestVersion().count();
            return HealthCheckResponse.named("workflow-engine")
                    .status(definitions == Workflow.Process.ALL.length)
                    .withData("engine", engine.getName())
                    .withData("processDefinitions", definitions)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("workflow-engine").down().withData("error", "engine not answering").build();
        }
    }
}
