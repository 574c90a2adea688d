package cn.fjsti.chainreport.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.security.Account;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryEngine;
import org.junit.jupiter.api.Test;

/**
 * Every named query compiles. The start does not let Hibernate check them ({@code hibernate.query.startup_check=false}
 * in application.properties: NamedQueryWarmUp compiles them after the start), so this test is where a broken one
 * is found.
 */
@QuarkusTest
class NamedQueriesTest {

    @Inject
    EntityManagerFactory factory;

    @Test
    void shouldCompileEveryNamedQuery() {
        SessionFactoryImplementor sessionFactory = factory.unwrap(SessionFactoryImplementor.class);
        assertThat(sessionFactory.getSessionFactoryOptions().isNamedQueryStartupCheckingEnabled())
                .as("the start does not check them, so this test must").isFalse();
        QueryEngine queries = sessionFactory.getQueryEngine();
        assertThat(queries.getNamedObjectRepository().getSqmQueryMemento(Account.ENABLED_OF_REGION))
                .as("the service's named queries are registered").isNotNull();

        assertThat(NamedQueryWarmUp.compile(queries)).isEmpty();
    }
}
