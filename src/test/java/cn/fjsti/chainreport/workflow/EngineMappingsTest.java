package cn.fjsti.chainreport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.ResultMapping;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.scripting.xmltags.DynamicContext;
import org.apache.ibatis.scripting.xmltags.SqlNode;
import org.apache.ibatis.scripting.xmltags.StaticTextSqlNode;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.DeploymentQueryImpl;
import org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.junit.jupiter.api.Test;

/**
 * The engine's SQL mappings read ahead are the ones the engine reads itself, on whichever database the suite runs,
 * and they are only ever used for the database and prefix they were read for.
 */
@QuarkusTest
class EngineMappingsTest {

    @Inject
    ProcessEngine engine;

    @Test
    void shouldReadTheMappingsTheEngineReads() {
        ProcessEngineConfigurationImpl running = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Configuration engines = running.getSqlSessionFactory().getConfiguration();
        Configuration ahead = EngineMappings.read(running.getDatabaseType(), running.getDatabaseTablePrefix());

        assertThat(new TreeSet<>(ahead.getMappedStatementNames())).isEqualTo(new TreeSet<>(engines.getMappedStatementNames()))
                .hasSizeGreaterThan(1000);
        assertThat(new TreeSet<>(ahead.getResultMapNames())).isEqualTo(new TreeSet<>(engines.getResultMapNames()));
        assertThat(ahead.getVariables()).isEqualTo(engines.getVariables());
        // Each is kept under its full name and, when unambiguous, its short one; the full names are compared.
        for (String id : fullNames(engines.getMappedStatementNames())) {
            assertThat(shape(ahead.getMappedStatement(id))).as(id).isEqualTo(shape(engines.getMappedStatement(id)));
        }
        for (String id : fullNames(engines.getResultMapNames())) {
            assertThat(shape(ahead.getResultMap(id))).as(id).isEqualTo(shape(engines.getResultMap(id)));
        }
    }

    @Test
    void shouldLetGoOfTheMappingFilesOnceEveryStatementIsBuilt() {
        ProcessEngineConfigurationImpl running = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Configuration read = EngineMappings.read(running.getDatabaseType(), running.getDatabaseTablePrefix());
        assertThat(read.getSqlFragments()).as("fragments kept while statements are parsed").isNotEmpty();
        TreeSet<String> before = new TreeSet<>(read.getMappedStatementNames());

        EngineConfiguration.compactMappings(read);

        assertThat(read.getSqlFragments()).isEmpty();
        assertThat(read.getIncompleteStatements()).isEmpty();
        assertThat(new TreeSet<>(read.getMappedStatementNames())).isEqualTo(before);
        // The running engine's own, let go at its start; its statements built from fragments still run.
        Configuration engines = running.getSqlSessionFactory().getConfiguration();
        assertThat(engines.getSqlFragments()).isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().taskNameLike("%确定%").count()).isNotNegative();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list())
                .extracting(d -> d.getKey()).contains("Process_Report");
    }

    @Test
    void shouldKeepOneCopyOfEachSqlTextAndTheSameSqlInEveryStatement() throws Exception {
        ProcessEngineConfigurationImpl running = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Configuration read = EngineMappings.read(running.getDatabaseType(), running.getDatabaseTablePrefix());
        Configuration untouched = EngineMappings.read(running.getDatabaseType(), running.getDatabaseTablePrefix());
        Set<Object> textsBefore = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, String> before = trees(read, textsBefore, new HashSet<>());

        int replaced = EngineMappingTexts.share(read);

        Set<Object> textsAfter = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> distinct = new HashSet<>();
        Map<String, String> after = trees(read, textsAfter, distinct);
        assertThat(after).isEqualTo(before);
        assertThat(replaced).isEqualTo(textsBefore.size() - textsAfter.size()).isGreaterThan(10_000);
        assertThat(textsAfter).as("one node per distinct text: the walk went through every statement").hasSameSizeAs(distinct);
        assertThat(textsAfter.size()).isLessThan(textsBefore.size() / 10);

        // The SQL MyBatis makes from them, with a query's criteria, paging, authorisation and tenant checks in play.
        DeploymentQueryImpl deployments = new DeploymentQueryImpl();
        deployments.deploymentNameLike("%").orderByDeploymentTime().desc();
        ProcessDefinitionQueryImpl definitions = new ProcessDefinitionQueryImpl();
        definitions.processDefinitionKey("Process_Report").latestVersion();
        for (ListQueryParameterObject query : List.of(deployments, definitions)) {
            query.setFirstResult(0);
            query.setMaxResults(10);
        }
        for (Object[] statement : new Object[][] {
                {"selectDeploymentsByQueryCriteria", deployments}, {"selectProcessDefinitionsByQueryCriteria", definitions}}) {
            String id = (String) statement[0];
            BoundSql expected = untouched.getMappedStatement(id).getBoundSql(statement[1]);
            BoundSql actual = read.getMappedStatement(id).getBoundSql(statement[1]);
            assertThat(actual.getSql()).as(id).isEqualTo(expected.getSql()).contains("ACT_");
            assertThat(actual.getParameterMappings()).extracting(ParameterMapping::getProperty)
                    .isEqualTo(expected.getParameterMappings().stream().map(ParameterMapping::getProperty).toList());
        }

        // The running engine's own were compacted at its start, to the same trees; its dynamic queries still run.
        Set<Object> textsRunning = Collections.newSetFromMap(new IdentityHashMap<>());
        assertThat(trees(running.getSqlSessionFactory().getConfiguration(), textsRunning, new HashSet<>())).isEqualTo(after);
        assertThat(textsRunning).hasSameSizeAs(textsAfter);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("Process_Report")
                .unfinished().orderByProcessInstanceStartTime().desc().listPage(0, 5)).hasSizeLessThanOrEqualTo(5);
    }

    static Map<String, String> trees(Configuration mappings, Set<Object> texts, Set<String> distinct)
            throws IllegalAccessException {
        Map<String, String> trees = new TreeMap<>();
        for (String id : fullNames(mappings.getMappedStatementNames())) {
            trees.put(id, tree(mappings.getMappedStatement(id).getSqlSource(), mappings, texts, distinct));
        }
        return trees;
    }

    /**
     * A statement's dynamic SQL as text: each node's kind, conditions and attributes, and what each text node
     * writes (rendered, not read from its field); text nodes and their texts collected.
     */
    private static String tree(Object node, Configuration mappings, Set<Object> texts, Set<String> distinct)
            throws IllegalAccessException {
        StringBuilder out = new StringBuilder(node.getClass().getSimpleName()).append('(');
        if (node instanceof StaticTextSqlNode text) {
            StringBuilder written = new StringBuilder();
            text.apply(new DynamicContext(mappings, null) {
                @Override
                public void appendSql(String sql) {
                    written.append(sql);
                }
            });
            texts.add(node);
            distinct.add(written.toString());
            return out.append(written).append(')').toString();
        }
        for (Class<?> c = node.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(node);
                if (value instanceof SqlNode || value instanceof SqlSource) {
                    out.append(tree(value, mappings, texts, distinct));
                } else if (value instanceof List<?> list) {
                    for (Object element : list) {
                        out.append(element instanceof SqlNode ? tree(element, mappings, texts, distinct) : String.valueOf(element))
                                .append(',');
                    }
                } else if (value instanceof String || value instanceof Boolean) {
                    out.append(field.getName()).append('=').append(value).append(';');
                }
            }
        }
        return out.append(')').toString();
    }

    @Test
    void shouldGiveTheReadOnlyForItsDatabaseAndPrefixAndOnlyOnce() {
        EngineMappings.readAhead("postgres", "");
        assertThat(EngineMappings.take("h2", "")).as("read for another database").isNull();
        assertThat(EngineMappings.take("postgres", "")).as("given up by the look before").isNull();

        EngineMappings.readAhead("h2", "");
        assertThat(EngineMappings.take("h2", "CAMUNDA.")).as("read for another prefix").isNull();

        EngineMappings.readAhead("h2", "");
        Configuration taken = EngineMappings.take("h2", "");
        assertThat(taken).isNotNull();
        assertThat(taken.getVariables().getProperty("limitBefore")).isNotNull();
        assertThat(taken.hasStatement("selectProperty")).isTrue();
        assertThat(EngineMappings.take("h2", "")).as("taken once").isNull();
    }

    @Test
    void shouldTellTheDatabaseFromTheUrl() {
        assertThat(EngineMappings.databaseTypeOf(null)).isEqualTo("h2");
        assertThat(EngineMappings.databaseTypeOf(" ")).isEqualTo("h2");
        assertThat(EngineMappings.databaseTypeOf("jdbc:h2:retry:file:/srv/data/chainreport")).isEqualTo("h2");
        assertThat(EngineMappings.databaseTypeOf("jdbc:postgresql://db:5432/chainreport")).isEqualTo("postgres");
        assertThat(EngineMappings.databaseTypeOf("jdbc:mysql://db/chainreport")).isNull();
    }

    static TreeSet<String> fullNames(Collection<String> names) {
        TreeSet<String> full = new TreeSet<>();
        names.stream().filter(name -> name.contains(".")).forEach(full::add);
        assertThat(full).hasSizeGreaterThan(50);
        return full;
    }

    /** What a statement does: its kind, its SQL's source, its parameter and result shapes. */
    static List<Object> shape(MappedStatement statement) {
        List<Object> shape = new ArrayList<>();
        shape.add(statement.getSqlCommandType());
        shape.add(statement.getStatementType());
        shape.add(statement.getResource());
        shape.add(statement.getSqlSource().getClass());
        shape.add(statement.getParameterMap().getType());
        shape.add(statement.getResultMaps().stream().map(ResultMap::getId).toList());
        shape.add(statement.getTimeout());
        shape.add(statement.isFlushCacheRequired());
        shape.add(statement.isUseCache());
        return shape;
    }

    private static List<Object> shape(ResultMap map) {
        List<Object> shape = new ArrayList<>();
        shape.add(map.getType());
        for (ResultMapping mapping : map.getResultMappings()) {
            shape.add(mapping.getProperty() + "=" + mapping.getColumn() + ":" + mapping.getJavaType() + "/"
                    + mapping.getJdbcType() + "/" + (mapping.getTypeHandler() == null ? null : mapping.getTypeHandler().getClass()));
        }
        return shape;
    }
}
