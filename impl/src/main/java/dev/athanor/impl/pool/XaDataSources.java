package dev.athanor.impl.pool;

import dev.athanor.ArgumentError;
import dev.athanor.impl.dialect.Dialect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code javax.sql.XADataSource} of each dialect's driver, for XA pools: PostgreSQL's {@code PGXADataSource},
 * MariaDB's {@code MariaDbDataSource} (which implements {@code XADataSource}) and H2's {@code JdbcDataSource}.
 * Agroal gives such a data source the JDBC URL ({@code setUrl}/{@code setURL}) and the user and password as bean
 * properties; connect properties are folded into the URL, which all three drivers parse.
 *
 * {@snippet :
 * XaSource xa = XaDataSources.forDialect(dialect);
 * ConnectionPool.start(options, dialect, url, user, password, display, narayanaIntegration, xa);
 * }
 */
public final class XaDataSources {
    private static final Map<String, String> CLASSES = Map.of(
            "postgresql", "org.postgresql.xa.PGXADataSource",
            "mariadb", "org.mariadb.jdbc.MariaDbDataSource",
            "h2", "org.h2.jdbcx.JdbcDataSource");

    private XaDataSources() {
    }

    /** The XA data source of {@code dialect}'s driver; an {@link ArgumentError} if it has none or it is missing. */
    public static XaSource forDialect(Dialect dialect) {
        String name = CLASSES.get(dialect.name());
        if (name == null) {
            throw new ArgumentError("XA is not available for " + dialect.name() + " databases; it is for "
                    + String.join(", ", new java.util.TreeSet<>(CLASSES.keySet())));
        }
        try {
            Class<?> type = Class.forName(name, false, XaDataSources.class.getClassLoader());
            return new XaSource(type.asSubclass(javax.sql.XADataSource.class), dialect.name().equals("h2"));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new ArgumentError("an XA engine for " + dialect.name() + " needs the driver's XADataSource " + name
                    + " on the class path", e);
        }
    }

    /**
     * One driver's XA data source class.
     *
     * @param semicolonProperties whether properties follow the URL as {@code ;key=value} (H2) rather than a query
     */
    public record XaSource(Class<? extends javax.sql.XADataSource> dataSourceClass, boolean semicolonProperties) {

        /** {@code jdbcUrl} with {@code properties} appended, as the driver reads them from a URL. */
        public String url(String jdbcUrl, Map<String, String> properties) {
            StringBuilder url = new StringBuilder(jdbcUrl);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                if (semicolonProperties) {
                    url.append(';').append(p.getKey()).append('=').append(p.getValue());
                } else {
                    url.append(url.indexOf("?") < 0 ? '?' : '&').append(encode(p.getKey())).append('=')
                            .append(encode(p.getValue()));
                }
            }
            return url.toString();
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
