package cn.fjsti.chainreport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.ResultMapping;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

        EngineConfiguration.releaseMappingDocuments(read);

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

    private static TreeSet<String> fullNames(Collection<String> names) {
        TreeSet<String> full = new TreeSet<>();
        names.stream().filter(name -> name.contains(".")).forEach(full::add);
        assertThat(full).hasSizeGreaterThan(50);
        return full;
    }

    /** What a statement does: its kind, its SQL's source, its parameter and result shapes. */
    private static List<Object> shape(MappedStatement statement) {
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
