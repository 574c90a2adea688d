package cn.fjsti.chainreport.common;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * For a request that reads many entities and writes none (the board, the compilation): entities loaded from here
 * on are read-only and the session never flushes. Otherwise Hibernate keeps a second copy of every loaded entity
 * to compare with at flush, and flushes — comparing all of them — before each further query, so the cost grows
 * with the square of what was loaded (the board took 42 s at national size). Call it before loading; nothing
 * written afterwards in the same transaction would reach the database.
 */
public final class ReadOnlyPersistence {

    private ReadOnlyPersistence() {
    }

    public static void forThisTransaction() {
        Session session = Panache.getEntityManager().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }

    /**
     * Forgets every entity loaded so far (they stay usable as plain objects), so that a loop over groups keeps
     * one group in memory instead of all: the board at national size otherwise held every report's text at
     * once, ≈ 370 MB of heap.
     */
    public static void forgetLoaded() {
        Panache.getEntityManager().clear();
    }
}
