package dev.athanor;

import java.time.Duration;
import java.util.Map;

/**
 * The immutable options of an {@link Engine}, as collected by {@link EngineBuilder}. {@link #toString()} masks the
 * password.
 *
 * {@snippet :
 * EngineOptions options = Engine.builder("h2:mem:test").poolSize(2).options();
 * }
 *
 * @param url            the URL as given (SQLAlchemy style or JDBC)
 * @param echo           log every statement
 * @param hideParameters leave parameter values out of logs and errors
 * @param poolSize       connections kept in the pool
 * @param maxOverflow    connections allowed beyond {@code poolSize}
 * @param poolTimeout    wait for a free connection
 * @param poolRecycle    maximum age of a connection, or null
 * @param prePing        validate connections on checkout
 * @param leakDetection  warn about connections held longer than this, or null
 * @param user           user, or null to use the URL's
 * @param password       password, or null to use the URL's
 * @param isolationLevel isolation level, or null for the database's default
 * @param connectArgs    driver properties
 * @param queryCacheSize compiled statements kept per engine
 * @param replicas       read replicas and their health checks ({@link ReplicaOptions#NONE}: none)
 * @param statementCacheSize prepared statements kept per pooled connection for reuse (0: none; see
 *                       {@link EngineBuilder#statementCacheSize(int)})
 */
public record EngineOptions(String url, boolean echo, boolean hideParameters, int poolSize, int maxOverflow,
        Duration poolTimeout, Duration poolRecycle, boolean prePing, Duration leakDetection, String user,
        String password, IsolationLevel isolationLevel, Map<String, String> connectArgs, int queryCacheSize,
        ReplicaOptions replicas, int statementCacheSize) {

    /** The default of {@link EngineBuilder#statementCacheSize(int)}. */
    public static final int DEFAULT_STATEMENT_CACHE_SIZE = 100;

    /** Options with the default statement cache ({@value #DEFAULT_STATEMENT_CACHE_SIZE} per connection). */
    public EngineOptions(String url, boolean echo, boolean hideParameters, int poolSize, int maxOverflow,
            Duration poolTimeout, Duration poolRecycle, boolean prePing, Duration leakDetection, String user,
            String password, IsolationLevel isolationLevel, Map<String, String> connectArgs, int queryCacheSize,
            ReplicaOptions replicas) {
        this(url, echo, hideParameters, poolSize, maxOverflow, poolTimeout, poolRecycle, prePing, leakDetection, user,
                password, isolationLevel, connectArgs, queryCacheSize, replicas, DEFAULT_STATEMENT_CACHE_SIZE);
    }

    /** Options without read replicas. */
    public EngineOptions(String url, boolean echo, boolean hideParameters, int poolSize, int maxOverflow,
            Duration poolTimeout, Duration poolRecycle, boolean prePing, Duration leakDetection, String user,
            String password, IsolationLevel isolationLevel, Map<String, String> connectArgs, int queryCacheSize) {
        this(url, echo, hideParameters, poolSize, maxOverflow, poolTimeout, poolRecycle, prePing, leakDetection, user,
                password, isolationLevel, connectArgs, queryCacheSize, ReplicaOptions.NONE);
    }

    /** These options for another URL and without replicas: how each replica's own pool is configured. */
    public EngineOptions forReplica(String replicaUrl) {
        return new EngineOptions(replicaUrl, echo, hideParameters, poolSize, maxOverflow, poolTimeout, poolRecycle,
                prePing, leakDetection, user, password, isolationLevel, connectArgs, queryCacheSize,
                ReplicaOptions.NONE, statementCacheSize);
    }

    @Override
    public String toString() {
        return "EngineOptions[url=" + url.replaceAll("(//[^/:@]*:)[^@]*@", "$1***@")
                .replaceAll("(?i)((?:password|pwd)=)[^&;]*", "$1***")
                + ", echo=" + echo + ", poolSize=" + poolSize + ", maxOverflow=" + maxOverflow
                + ", poolTimeout=" + poolTimeout + ", poolRecycle=" + poolRecycle + ", prePing=" + prePing
                + ", user=" + user + ", password=" + (password == null ? null : "***")
                + ", isolationLevel=" + isolationLevel + ", connectArgs=" + connectArgs.keySet()
                + (replicas.urls().isEmpty() ? "" : ", replicas=" + replicas.urls().size()) + "]";
    }
}
