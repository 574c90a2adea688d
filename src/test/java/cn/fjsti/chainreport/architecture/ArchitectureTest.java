package cn.fjsti.chainreport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The boundaries the code keeps (docs/architecture.md): feature packages without cycles, the workflow
 * engine's API behind the workflow package, the delegates and each feature's process facade (no frozen
 * exceptions), and the
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
     * The engine's API (org.camunda..: the engine and the BPMN model) is used in the workflow package, by delegates
     * (the BPMN's service tasks) and by each feature's process facade (CampaignProcess, CountySurveyProcess,
     * ReportProcess, UnitPackageProcess, SubmissionDigestProcess), which hand out workflow-owned types
     * ({@code OpenTask}) rather than the engine's. One allowance: the engine's optimistic-locking conflict, see
     * {@link #engineConflictHandledInCommonOnly}.
     */
    @ArchTest
    static final ArchRule engineApiBehindWorkflow = noClasses()
            .that().resideOutsideOfPackage("cn.fjsti.chainreport.workflow..")
            .and().haveSimpleNameNotEndingWith("Delegate")
            .and().haveSimpleNameNotEndingWith("Process")
            .should().dependOnClassesThat(resideInAPackage("org.camunda..").and(not(equivalentTo(OptimisticLockingException.class)))
                    .as("the engine's API other than its optimistic-locking conflict"))
            .as("the engine's API is used only in workflow, the delegates and the process facades");

    /**
     * The engine's optimistic-locking conflict is an exception like a database's serialization failure: common's
     * one place that maps exceptions to problems (ProblemMapper, 409) and the retry of a whole transaction
     * (RetryOnEngineConflictInterceptor) recognise it by type, beside the SQL states, so common names this one
     * engine type. common may not depend on workflow, and a wrapper type would only rename the same check.
     */
    @ArchTest
    static final ArchRule engineConflictHandledInCommonOnly = noClasses()
            .that().resideOutsideOfPackages("cn.fjsti.chainreport.workflow..", "cn.fjsti.chainreport.common..")
            .and().haveSimpleNameNotEndingWith("Delegate")
            .and().haveSimpleNameNotEndingWith("Process")
            .should().dependOnClassesThat(equivalentTo(OptimisticLockingException.class))
            .as("the engine's conflict exception is handled only where exceptions are mapped and transactions retried");

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
