package io.plughome.testsupport;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The domain's own persistence unit outside the server, for use-case tests without a server: an
 * in-memory H2 migrated from {@code db/}, EclipseLink with local transactions. Services are plain
 * objects whose injected fields a test sets ({@link #inject}).
 */
public final class DomainDatabase implements AutoCloseable {

    private final EntityManagerFactory factory;
    private final EntityManager em;

    /** On a new in-memory H2 database. */
    public DomainDatabase() {
        this(inMemoryH2());
    }

    private static DataSource inMemoryH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:domain-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** On the given database (H2 or PostgreSQL), migrated from {@code db/} first. */
    public DomainDatabase(DataSource database) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").table("schema_history").load()
                .migrate();
        factory = Persistence.createEntityManagerFactory("plughome", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.nonJtaDataSource", database,
                "eclipselink.target-server", "None",
                "eclipselink.weaving", "false",
                "eclipselink.logging.level", "WARNING"));
        em = factory.createEntityManager();
    }

    /** The entity manager every service of the test shares, as one persistence context would. */
    public EntityManager em() {
        return em;
    }

    /** Runs work in one committed transaction, as a use case runs in the server. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        em.getTransaction().begin();
        try {
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
        }
    }

    /** Reads in a fresh persistence context: what is stored, not what is cached. */
    public <T> T read(Function<EntityManager, T> query) {
        EntityManager fresh = factory.createEntityManager();
        try {
            return query.apply(fresh);
        } finally {
            fresh.close();
        }
    }

    /** Sets a field a container would inject. */
    public static <T> T inject(T target, String field, Object value) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return target;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException(target.getClass().getSimpleName() + " has no field " + field);
    }

    @Override
    public void close() {
        em.close();
        factory.close();
    }

    /** CDI's Event, keeping what was fired. */
    public static final class Fired<T> implements Event<T> {
        public final List<T> events = new ArrayList<>();

        @Override
        public void fire(T event) {
            events.add(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            events.add(event);
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return fireAsync(event);
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            return (Event<U>) this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            return (Event<U>) this;
        }
    }
}
