package cn.fjsti.chainreport.workflow;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import java.util.List;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.cdi.CdiExpressionManager;
import org.camunda.bpm.engine.cdi.impl.el.CdiResolver;
import org.camunda.bpm.engine.cdi.impl.event.CdiEventSupportBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.el.CommandContextFunctions;
import org.camunda.bpm.engine.impl.el.DateTimeFunctions;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.quarkus.engine.extension.QuarkusProcessEngineConfiguration;

/**
 * The engine's configuration: the extension's own (the settings in application.properties still apply to it)
 * without a naming service it never finds (issue 23).
 *
 * <p>The engine's CDI module asks JNDI for the bean manager ({@code java:comp/BeanManager}, then
 * {@code java:comp/env/BeanManager}) <em>every time</em> it needs one, before it falls back to the instance the
 * Quarkus extension gives it; Quarkus has no naming service, so each time two {@code NamingException}s are made
 * and thrown away. It needs one for each delegate it resolves ({@code ${recordSubmissionDelegate}}) and, through
 * its CDI event bridge, for every activity a process enters, leaves or passes: about 45 exceptions per report
 * (≈ 2 % of the service's CPU, issue 23's profile). Here:
 * <ul>
 *   <li>delegates are resolved by a {@link CdiResolver} that takes the bean manager from ArC directly;</li>
 *   <li>the CDI event bridge is left out: nothing in the service observes the engine's
 *       {@code BusinessProcessEvent}s (the audit log and notifications are written by the services).</li>
 * </ul>
 * Everything else is the extension's configuration; expressions resolve as before (process variables first,
 * then beans by name, then arrays, lists, maps and bean properties). The engine's SQL mappings are the ones read
 * ahead during the start ({@link EngineMappings}) when they were read for this database.
 */
@Singleton
public class EngineConfiguration extends QuarkusProcessEngineConfiguration {

    @Override
    protected void init() {
        List<BpmnParseListener> post = getCustomPostBPMNParseListeners();
        if (post != null) {
            post.removeIf(CdiEventSupportBpmnParseListener.class::isInstance);
        }
        super.init();
    }

    /**
     * The engine's own step, with the mappings {@link EngineMappings} read ahead for this database if there are
     * any: the same environment, statement timeout and executor type set on them as the engine sets on its own.
     * Then the mappings are compacted ({@link #compactMappings}).
     */
    @Override
    protected void initSqlSessionFactory() {
        if (sqlSessionFactory == null && !isUseSharedSqlSessionFactory) {
            Configuration mappings = EngineMappings.take(databaseType, databaseTablePrefix);
            if (mappings != null) {
                mappings.setEnvironment(new Environment("default", transactionFactory, dataSource));
                mappings.setDefaultStatementTimeout(jdbcStatementTimeout);
                if (isJdbcBatchProcessing()) {
                    mappings.setDefaultExecutorType(ExecutorType.BATCH);
                }
                sqlSessionFactory = new DefaultSqlSessionFactory(mappings);
                compactMappings(mappings);
                return;
            }
        }
        super.initSqlSessionFactory();
        compactMappings(sqlSessionFactory.getConfiguration());
    }

    /**
     * Lets go of the XML documents the engine's SQL mappings were read from, once every statement is built, and
     * keeps one copy of each piece of their SQL text.
     *
     * <p>MyBatis keeps each {@code <sql>} fragment as an {@code XNode} for the {@code <include>}s of statements
     * still to be parsed, and an {@code XNode} holds its parser and with it the whole DOM of its file: about 60
     * of the engine's mapping files, 320,000 DOM objects, over a quarter of the service's live heap after a
     * start (68.5 → 49.4 MB; issue 23, docs/benchmarks.md). Fragments are only read while statements are parsed
     * ({@code XMLIncludeTransformer}). MyBatis retries pending statements after each file and once more when first
     * asked for its statements ({@code getMappedStatementNames}, called here: with the engine's files nothing is
     * pending by then, and a mapping that cannot be completed fails here, at start, rather than at its first use);
     * after that nothing reads them. A {@code ProcessEnginePlugin} that parsed mapping files of its own into this
     * configuration after the engine's start could no longer include the engine's fragments; the service has none.
     * Then the statements' equal SQL texts are shared ({@link EngineMappingTexts}).
     *
     * @param mappings the engine's MyBatis configuration, fully read; its fragments are emptied
     */
    static void compactMappings(Configuration mappings) {
        mappings.getMappedStatementNames();
        mappings.getSqlFragments().clear();
        EngineMappingTexts.share(mappings);
    }

    /**
     * As {@code CdiJtaProcessEngineConfiguration} and the engine's own: the CDI expression manager, then the
     * engine's four functions (the engine's {@code ProcessEngineConfigurationImpl.initExpressionManager}).
     */
    @Override
    protected void initExpressionManager() {
        expressionManager = new ArcExpressionManager();
        expressionManager.addFunction(CommandContextFunctions.CURRENT_USER,
                ReflectUtil.getMethod(CommandContextFunctions.class, CommandContextFunctions.CURRENT_USER));
        expressionManager.addFunction(CommandContextFunctions.CURRENT_USER_GROUPS,
                ReflectUtil.getMethod(CommandContextFunctions.class, CommandContextFunctions.CURRENT_USER_GROUPS));
        expressionManager.addFunction(DateTimeFunctions.NOW, ReflectUtil.getMethod(DateTimeFunctions.class, DateTimeFunctions.NOW));
        expressionManager.addFunction(DateTimeFunctions.DATE_TIME,
                ReflectUtil.getMethod(DateTimeFunctions.class, DateTimeFunctions.DATE_TIME));
    }

    /** {@link CdiExpressionManager}'s resolvers, with the bean resolver that asks ArC. */
    static final class ArcExpressionManager extends CdiExpressionManager {
        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolver = new CompositeELResolver();
            resolver.add(new VariableScopeElResolver());
            resolver.add(new VariableContextElResolver());
            resolver.add(new ArcResolver());
            resolver.add(new ArrayELResolver());
            resolver.add(new ListELResolver());
            resolver.add(new MapELResolver());
            resolver.add(new BeanELResolver());
            return resolver;
        }
    }

    /** Beans by name from ArC's bean manager, without a JNDI lookup first. */
    static final class ArcResolver extends CdiResolver {
        @Override
        protected BeanManager getBeanManager() {
            return Arc.container().beanManager();
        }
    }
}
