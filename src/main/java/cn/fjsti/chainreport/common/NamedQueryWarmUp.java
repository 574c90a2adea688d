package cn.fjsti.chainreport.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import org.hibernate.HibernateException;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryEngine;
import org.jboss.logging.Logger;

/**
 * Compiles the named queries (security.Account's, which notification.Notifier runs in every submission) on a
 * thread of its own once the service has started, instead of on the start's critical path.
 *
 * <p>Hibernate would compile them while it builds the session factory, which the start waits for (0.19 s of its
 * thread; restarts 3.11 → 2.94 s with the change of region.RegionLoader: docs/benchmarks.md, twenty-first session);
 * application.properties turns that check off ({@code hibernate.query.startup_check=false}, except in dev mode).
 * Compiled here, they are in Hibernate's query cache well before a deadline-day rush, whose first twenty
 * submissions at once would otherwise each compile them (that once took seconds). A query that does not compile is
 * logged here and fails NamedQueriesTest; at run time Hibernate reports it where it is used, as it would any query.
 */
@ApplicationScoped
public class NamedQueryWarmUp {

    private static final Logger LOG = Logger.getLogger(NamedQueryWarmUp.class);

    @Inject
    EntityManagerFactory factory;

    void onStart(@Observes StartupEvent event) {
        QueryEngine queries = factory.unwrap(SessionFactoryImplementor.class).getQueryEngine();
        Thread thread = new Thread(() -> {
            try {
                compile(queries);
            } catch (RuntimeException e) {
                // Anything checkNamedQueries does not collect (a session factory closed by a quick shutdown, say).
                LOG.error("Compiling the named queries after the start failed; each is compiled when first used", e);
            }
        }, "named-queries");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Compiles every named query into Hibernate's query cache.
     *
     * @return the queries that did not compile, by name (logged); empty when all did
     */
    static Map<String, HibernateException> compile(QueryEngine queries) {
        Map<String, HibernateException> errors = queries.getNamedObjectRepository().checkNamedQueries(queries);
        errors.forEach((name, error) -> LOG.errorf(error, "Named query %s does not compile", name));
        return errors;
    }
}
