package cn.fjsti.chainreport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The boundaries the code keeps (docs/architecture.md): feature packages without cycles, the workflow
 * engine's API behind the workflow package, the delegates and each feature's process facade, and the
 * service's own settings read through typed mappings only.
 */
@AnalyzeClasses(packages = "cn.fjsti.chainreport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package under cn.fjsti.chainreport is a feature (or common/rules/workflow); none may need another that needs it back. */
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("cn.fjsti.chainreport.(*)..")
            .should().beFreeOfCycles();

    /** The shared packages depend on no feature. */
    @ArchTest
    static final ArchRule commonAndRulesDependOnNoFeature = noClasses()
            .that().resideInAnyPackage("cn.fjsti.chainreport.common..", "cn.fjsti.chainreport.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("cn.fjsti.chainreport", "cn.fjsti.chainreport.audit..",
                    "cn.fjsti.chainreport.benchmark..", "cn.fjsti.chainreport.campaign..", "cn.fjsti.chainreport.chain..",
                    "cn.fjsti.chainreport.consolidation..", "cn.fjsti.chainreport.document..", "cn.fjsti.chainreport.metrics..",
                    "cn.fjsti.chainreport.notification..", "cn.fjsti.chainreport.region..", "cn.fjsti.chainreport.report..",
                    "cn.fjsti.chainreport.review..", "cn.fjsti.chainreport.security..", "cn.fjsti.chainreport.submission..",
                    "cn.fjsti.chainreport.web..", "cn.fjsti.chainreport.workflow..");

    /**
     * The engine's API (org.camunda..) is used in the workflow package, by delegates (the BPMN's service tasks)
     * and by each feature's process facade (ReportProcess, UnitPackageProcess). The services that still call
     * the engine directly are recorded in src/test/resources/archunit-store (frozen: a new one fails the build;
     * removing one shrinks the record).
     */
    @ArchTest
    static final ArchRule engineApiBehindWorkflow = FreezingArchRule.freeze(noClasses()
            .that().resideOutsideOfPackage("cn.fjsti.chainreport.workflow..")
            .and().haveSimpleNameNotEndingWith("Delegate")
            .and().haveSimpleNameNotEndingWith("Process")
            .should().dependOnClassesThat().resideInAnyPackage("org.camunda..")
            .as("the engine's API is used only in workflow, the delegates and the process facades"));

    /** The service's own keys (chainreport.*) are read through @ConfigMapping interfaces, never one by one. */
    @ArchTest
    static final ArchRule settingsAreTyped = fields()
            .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaField>("not read a chainreport.* key with @ConfigProperty") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaField field, com.tngtech.archunit.lang.ConditionEvents events) {
                    field.tryGetAnnotationOfType(ConfigProperty.class)
                            .filter(c -> c.name().startsWith("chainreport."))
                            .ifPresent(c -> events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(field,
                                    field.getFullName() + " reads " + c.name() + " one by one")));
                }
            });
}
