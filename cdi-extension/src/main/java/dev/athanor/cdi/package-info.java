/**
 * The CDI portable extension: {@code @Inject Session} in Jakarta EE and Weld SE. It discovers the {@code @Entity}
 * classes at deployment, validates their mapping, and adds the {@code Engine}, {@code SessionMaker},
 * {@code Registry}, {@code AsyncEngine}, {@code AsyncSessionMaker} ({@code @ApplicationScoped}) and {@code Session}
 * ({@code @RequestScoped}) beans of each database
 * configured through MicroProfile Config; {@link dev.athanor.cdi.Database @Database("name")} selects a named one.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class UserService {
 *     @Inject Session session;
 *
 *     @Transactional
 *     public User register(String name) {
 *         User u = new User(); u.name = name;
 *         session.add(u);            // flushed before the JTA commit, rolled back with it
 *         return u;
 *     }
 * }
 * }</pre>
 *
 * <h2>Design choices</h2>
 * <ul>
 *   <li><b>Discovery by event and by index.</b> {@code ProcessAnnotatedType} with {@code @WithAnnotations(Entity.class)}
 *   sees entities only in archives whose classes CDI scans; with CDI 4's default {@code bean-discovery-mode="annotated"}
 *   an entity has no bean-defining annotation and is never seen. So the extension also reads every
 *   {@code META-INF/athanor/entities} that {@code athanor-processor} wrote at compile time, as Quarkus and Hibernate
 *   rely on an index rather than on bean discovery. Names that do not load are skipped with a warning. Entities are
 *   vetoed: they are data the ORM instantiates, not beans.</li>
 *   <li><b>Fail at deployment.</b> The {@code Registry} of each database is built and validated in
 *   {@code AfterBeanDiscovery}; every mapping problem (class and field named), every configuration problem (key
 *   named) and, with {@code schema-generation=validate}, every schema difference is reported together as a
 *   definition error or deployment problem. An application never starts half-mapped.</li>
 *   <li><b>One Session per request, one per transaction.</b> The {@code Session} bean is a thin request-scoped
 *   front. Inside a JTA transaction it works on a Session bound to that transaction (a resource of the
 *   {@code TransactionSynchronizationRegistry}), opened on first use, whose connection is the one enlisted in the
 *   transaction, and registers an interposed {@code Synchronization}: flush in {@code beforeCompletion} (a failure
 *   there rolls the transaction back and reaches the caller) and hand the connection back while the transaction
 *   still runs (the pool frees it when the transaction ends; closed only in {@code afterCompletion}, it stayed
 *   checked out under Payara's transaction manager), close the Session in {@code afterCompletion}. Outside a transaction
 *   it works on a resource-local Session for the rest of the request, exactly as in SE. A Session bound to a
 *   transaction cannot carry a connection opened before the transaction (Agroal does not enlist a connection late),
 *   which is why the two are kept apart. {@code commit()} and {@code rollback()} inside JTA are errors
 *   ({@code commit-in-jta}); {@code close()} is the container's ({@code container-session}).</li>
 *   <li><b>The Core stays free of JTA.</b> {@code athanor-impl} only knows a small seam,
 *   {@code dev.athanor.impl.engine.ManagedTransactions} ("is a container transaction active; mark it rollback-only"):
 *   a connection checked out while one is active never calls {@code commit}, {@code rollback} or
 *   {@code setAutoCommit} on its JDBC connection. The pool is Agroal with {@code agroal-narayana}'s
 *   {@code NarayanaTransactionIntegration} (which uses only the JTA interfaces); with
 *   {@code athanor.datasource.jndi-name} the server's DataSource is used and Athanor builds no pool. Such a
 *   connection is a last resource emulated over a local transaction, so a JTA transaction takes one database; with
 *   {@code athanor.datasource.xa=true} (per database) the pool is an XA pool instead
 *   ({@code dev.athanor.impl.xa.XaEngines}: the driver's {@code XADataSource}, two-phase commit, crash recovery
 *   registered with Narayana), and one transaction spans several databases.</li>
 *   <li><b>Container objects are looked up, not assumed.</b> The {@code TransactionManager} and
 *   {@code TransactionSynchronizationRegistry} are taken from CDI beans (Narayana's extension in SE) or their
 *   standard JNDI names, once, at deployment. A container that has a transaction manager (a JTA bean, a
 *   {@code @Transactional} interceptor, a registry or manager that answers) but whose registry, or for Athanor's
 *   pool whose manager, cannot be reached fails the deployment ({@code jta-not-found}) unless
 *   {@code athanor.transactions=resource-local}: resource-local Sessions inside its transactions would lose every
 *   write at the end of the request. Only a container with no sign of JTA gets resource-local Sessions by default.
 *   A connection checked out before a transaction began refuses statements while it is active
 *   ({@code not-enlisted}) instead of writing outside it. Engines start on first use (or at deployment
 *   when {@code schema-generation} needs them; through a server DataSource, at the application's start,
 *   {@code @Initialized(ApplicationScoped.class)}, or for a {@code java:app}, {@code java:module} or {@code java:comp}
 *   name the extension cannot see there (Payara binds those for the application's components only) on the engine's
 *   first use) and
 *   are disposed in {@code BeforeShutdown}. Observers of {@code StatementExecuted} and {@code EngineListener} beans
 *   are looked up through {@code CDI.current()}: on Payara the extension's own BeanManager does not see the WAR's.</li>
 *   <li><b>Events only when observed.</b> {@link dev.athanor.cdi.StatementExecuted} is fired only if the deployment
 *   has an observer for it, so metering costs nothing when unused; {@code EngineListener} beans are the cheaper,
 *   non-CDI way.</li>
 *   <li><b>Splitting entities among databases.</b> {@code @Database("name")} on the entity class wins; then the named
 *   database whose {@code athanor."name".packages} contain the entity's package (longest match); then the default
 *   database, unless its own {@code athanor.packages} exclude the entity. An entity for a database that is not
 *   configured is skipped with a warning; an injection point of a database that is not configured is an error that
 *   names the missing key.</li>
 *   <li><b>Asyncio is not enlisted in JTA.</b> {@code AsyncEngine} and {@code AsyncSessionMaker} run JDBC on the
 *   async engine's worker threads, which a JTA transaction (bound to its thread) does not reach; a call made while a
 *   JTA transaction is active on the caller's thread is refused ({@code async-in-jta}) rather than silently run
 *   outside it. Only the container disposes the injected {@code AsyncEngine}.</li>
 *   <li><b>Read replicas.</b> {@code athanor.datasource.replicas} (with {@code replica-max-lag},
 *   {@code replica-check-interval}) gives the engine its replicas; {@link dev.athanor.cdi.ReadOnly @ReadOnly} is an
 *   interceptor binding rather than a qualifier, because the request-scoped {@code Session} is one object per request
 *   whichever method uses it: the interceptor puts {@link dev.athanor.Routing#REPLICA} in force on the thread for
 *   the call, and each statement of the session decides by the usual rules (writes and what follows them in the
 *   transaction stay on the primary). The extension adds the interceptor itself, enabled by its priority.</li>
 * </ul>
 */
package dev.athanor.cdi;
