package cn.fjsti.chainreport.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.quarkus.engine.extension.event.CamundaEngineStartupEvent;
import org.jboss.logging.Logger;

/** Deploys the BPMN files of {@code bpmn/} when the engine starts; unchanged files are not redeployed. */
@ApplicationScoped
public class ProcessDeployer {

    private static final Logger LOG = Logger.getLogger(ProcessDeployer.class);

    void deploy(@Observes CamundaEngineStartupEvent event, RepositoryService repository) {
        DeploymentBuilder deployment = repository.createDeployment()
                .name("chain-report")
                .enableDuplicateFiltering(true);
        for (String file : Workflow.RESOURCES) {
            deployment.addClasspathResource("bpmn/" + file);
        }
        var deployed = deployment.deployWithResult().getDeployedProcessDefinitions();
        // With duplicate filtering, an unchanged set of files yields no definitions (null, not an empty list).
        LOG.infof("Process definitions deployed: %d new or changed", deployed == null ? 0 : deployed.size());
    }
}
