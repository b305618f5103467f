package dev.athanor.impl.engine;

import dev.athanor.ArgumentError;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database URL turned into what JDBC needs. SQLAlchemy-style URLs ({@code postgresql://user:pw@host:port/db?opts},
 * {@code mariadb://}, {@code mysql://}, {@code h2:mem:name}, {@code h2:file:path}; a {@code +driver} suffix of the
 * scheme is accepted and ignored) become JDBC URLs with the user and password taken out; {@code jdbc:} URLs are used
 * as they are, except that {@code jdbc:mysql:} goes to the MariaDB driver when MySQL's own is absent.
 *
 * @param jdbcUrl  the JDBC URL (still holding any password the user wrote into a {@code jdbc:} URL)
 * @param dialect  {@code h2}, {@code postgresql} or {@code mariadb}
 * @param user     the user from the URL, or null
 * @param password the password from the URL, or null
 * @param display  the URL as given with the password masked, safe for logs and {@code toString()}
 */
public record DatabaseUrl(String jdbcUrl, String dialect, String user, String password, String display) {

    private static final Pattern SQLALCHEMY = Pattern.compile(
            "^(?<scheme>[A-Za-z][A-Za-z0-9]*)(?:\\+[A-Za-z0-9_]+)?://"
                    + "(?:(?<user>[^:@/]*)(?::(?<password>[^@]*))?@)?"
                    + "(?<host>\\[[^]]+]|[^/:?]*)(?::(?<port>\\d+))?"
                    + "(?:/(?<database>[^?]*))?(?:\\?(?<query>.*))?$");

    /** As SQLAlchemy: a password runs to the '@', so it may hold '/' (other reserved characters need %-escapes). */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/:@]*:)[^@]*@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("(?i)((?:password|pwd)=)[^&;]*");

    /** Parses {@code url}; an unknown scheme is an {@link ArgumentError} that lists the known ones. */
    public static DatabaseUrl parse(String url) {
        String display = mask(url);
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            return fromJdbc(url, lower, display);
        }
        if (lower.startsWith("h2:")) {
            return new DatabaseUrl("jdbc:" + url, "h2", null, null, display);
        }
        Matcher m = SQLALCHEMY.matcher(url);
        if (!m.matches()) {
            throw unknown(display);
        }
        String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
        String jdbcScheme = switch (scheme) {
            case "postgresql", "postgres" -> "postgresql";
            case "mariadb", "mysql" -> "mariadb";
            default -> throw unknown(display);
        };
        StringBuilder jdbc = new StringBuilder("jdbc:").append(jdbcScheme).append("://").append(m.group("host"));
        if (m.group("port") != null) {
            jdbc.append(':').append(m.group("port"));
        }
        jdbc.append('/');
        if (m.group("database") != null) {
            jdbc.append(m.group("database"));
        }
        if (m.group("query") != null && !m.group("query").isEmpty()) {
            jdbc.append('?').append(m.group("query"));
        }
        return new DatabaseUrl(jdbc.toString(), jdbcScheme, decode(m.group("user")), decode(m.group("password")),
                display);
    }

    private static DatabaseUrl fromJdbc(String url, String lower, String display) {
        if (lower.startsWith("jdbc:h2:")) {
            return new DatabaseUrl(url, "h2", null, null, display);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, "postgresql", null, null, display);
        }
        if (lower.startsWith("jdbc:mariadb:")) {
            return new DatabaseUrl(url, "mariadb", null, null, display);
        }
        if (lower.startsWith("jdbc:mysql:")) {
            String jdbc = mysqlDriverPresent() ? url : "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
            return new DatabaseUrl(jdbc, "mariadb", null, null, display);
        }
        throw unknown(display);
    }

    private static boolean mysqlDriverPresent() {
        try {
            Class.forName("com.mysql.cj.jdbc.Driver", false, DatabaseUrl.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static ArgumentError unknown(String display) {
        return new ArgumentError("cannot use database URL '" + display + "': expected postgresql://, mariadb://, "
                + "mysql://, h2:mem:name, h2:file:path, or a jdbc: URL of H2, PostgreSQL or MariaDB/MySQL");
    }

    private static String decode(String part) {
        return part == null ? null : URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** {@code url} with the password of its user-info part and any {@code password=} option masked. */
    public static String mask(String url) {
        String masked = USERINFO_PASSWORD.matcher(url).replaceAll("$1***@");
        return QUERY_PASSWORD.matcher(masked).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return display;
    }
}
