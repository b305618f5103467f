package dev.athanor.quickstart.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quickstart WAR in a real application server (the profile's: WildFly, Payara Micro or Open Liberty), driven
 * over HTTP, in its two ways of getting connections: Athanor's Agroal pool enlisted in the server's transaction
 * manager ({@code pool}), and the server's XA DataSource on PostgreSQL named by {@code athanor.datasource.jndi-name}
 * ({@code xa}): the cases both run ({@link PooledGuestbookIT}, {@link XaGuestbookIT}). What each case claims is
 * checked in the database with JDBC, not through the application.
 */
abstract class GuestbookServerCases {
    static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1: Open Liberty's h2c upgrade (which the JDK client asks for by default) stalls under load. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    /** One deployment under test: its name, the base URL of its REST API and its database. */
    record Target(String name, String api, String database) {
    }

    /** The deployment of this class, from the URL Arquillian gives for it. */
    abstract Target target();

    /**
     * The REST API under {@code url}. Payara Micro's adapter gives only {@code http://host:port} (it starts one
     * Payara Micro per deployment, whose context root is the WAR's name).
     */
    static String api(URL url, String war) {
        String base = url.toString();
        if (url.getPath().isEmpty() || url.getPath().equals("/")) {
            base = url.getProtocol() + "://" + url.getHost() + ":" + url.getPort() + "/" + war + "/";
        }
        return (base.endsWith("/") ? base : base + "/") + "api/guestbook";
    }

    private List<Target> targets() {
        return List.of(target());
    }

    @Test
    void signCommitsInTheServersTransaction() throws Exception {
        for (Target t : targets()) {
            long before = rows(t, "entries");
            HttpResponse<String> signed = post(t.api() + "/entries", "{\"author\":\"linus\",\"message\":\"hello\"}");
            assertThat(signed.statusCode()).as(t.name()).isEqualTo(201);
            JsonNode entry = JSON.readTree(signed.body());
            assertThat(entry.get("id").asLong()).as(t.name()).isPositive();
            assertThat(rows(t, "entries")).as(t.name()).isEqualTo(before + 1);
            JsonNode listed = JSON.readTree(get(t.api() + "/entries?author=linus").body());
            assertThat(listed.findValuesAsText("message")).as(t.name()).contains("hello");
        }
    }

    @Test
    void anExceptionRollsBackAndRequiresNewCommitsInside() throws Exception {
        for (Target t : targets()) {
            long entries = rows(t, "entries");
            long rejections = rows(t, "rejections");
            HttpResponse<String> refused = post(t.api() + "/sign-all",
                    "{\"author\":\"grace\",\"messages\":[\"one\",\"two\",\" \"]}");
            assertThat(refused.statusCode()).as(t.name()).isEqualTo(409);
            assertThat(rows(t, "entries")).as(t.name() + ": both flushed rows rolled back").isEqualTo(entries);
            assertThat(rows(t, "rejections")).as(t.name() + ": REQUIRES_NEW committed inside the rolled-back one")
                    .isEqualTo(rejections + 1);
            assertThat(JSON.readTree(refused.body()).get("rejections").asLong()).as(t.name())
                    .isEqualTo(rows(t, "rejections WHERE author = 'grace'")).isPositive();
            HttpResponse<String> all = post(t.api() + "/sign-all", "{\"author\":\"grace\",\"messages\":[\"a\",\"b\"]}");
            assertThat(all.statusCode()).as(t.name()).isEqualTo(201);
            assertThat(rows(t, "entries")).as(t.name()).isEqualTo(entries + 2);
        }
    }

    @Test
    void oneSessionIsSharedByTheBeansOfARequest() throws Exception {
        for (Target t : targets()) {
            long id = JSON.readTree(post(t.api() + "/entries", "{\"author\":\"ada\",\"message\":\"x\"}").body())
                    .get("id").asLong();
            HttpResponse<String> read = get(t.api() + "/entries/" + id);
            assertThat(read.statusCode()).as(t.name()).isEqualTo(200);
            assertThat(read.headers().firstValue("Athanor-Same-Session")).as(t.name()).contains("true");
        }
    }

    @Test
    void aThousandRequestsLeaveNoConnectionCheckedOut() throws Exception {
        for (Target t : targets()) {
            long before = rows(t, "entries");
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    int n = i;
                    statuses.add(clients.submit(() -> n % 2 == 0
                            ? post(t.api() + "/entries", "{\"author\":\"load\",\"message\":\"m" + n + "\"}").statusCode()
                            : get(t.api() + "/pool").statusCode()));
                }
                for (Future<Integer> status : statuses) {
                    assertThat(status.get()).as(t.name()).isIn(200, 201);
                }
            } finally {
                clients.shutdown();
            }
            assertThat(rows(t, "entries")).as(t.name()).isEqualTo(before + 500);
            JsonNode pool = JSON.readTree(get(t.api() + "/pool").body());
            assertThat(pool.get("checkedOut").asLong()).as(t.name() + " " + pool).isZero();
            assertThat(pool.get("leaks").asLong()).as(t.name() + " " + pool).isZero();
            try (Connection c = admin(t.database());
                    PreparedStatement st = c.prepareStatement("SELECT count(*) FILTER (WHERE state LIKE 'idle in "
                            + "transaction%'), count(*) FROM pg_stat_activity WHERE datname = current_database() "
                            + "AND pid <> pg_backend_pid()")) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(t.name() + ": sessions left in a transaction").isZero();
                    assertThat(rs.getLong(2)).as(t.name() + ": connections open").isLessThanOrEqualTo(
                            t.name().equals("pool") ? 4 : 10);
                }
            }
        }
    }

    static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long rows(Target t, String table) throws Exception {
        try (Connection c = admin(t.database()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection admin(String database) throws Exception {
        return DriverManager.getConnection(GuestbookWar.url(database), GuestbookWar.USER,
                System.getProperty("athanor.test.postgresql.password", ""));
    }
}
