package dev.athanor.impl.failover;

import dev.athanor.testing.ScaleOut;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Patroni cluster of ops/scaleout/patroni.sh seen through Patroni's REST API (nodes 1-3: PostgreSQL 5440-5442,
 * REST 8008-8010), for the failover test.
 */
final class PatroniCluster {
    static final String DATABASE = "athanor_failover";
    private static final Pattern MEMBER = Pattern.compile("\\{[^{}]*\"name\"[^{}]*}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One member as /cluster reports it. */
    record Member(String name, String role, String state, int port, String lag, String apiUrl) {
        int node() {
            return Integer.parseInt(name.substring("node".length()));
        }
    }

    private PatroniCluster() {
    }

    /** The multi-host URL Athanor uses: pgJDBC finds the primary among the three nodes. */
    static String url() {
        return "jdbc:postgresql://127.0.0.1:5440,127.0.0.1:5441,127.0.0.1:5442/" + DATABASE
                + "?targetServerType=primary&hostRecheckSeconds=1&connectTimeout=2&socketTimeout=10";
    }

    static List<Member> members() {
        for (int node = 1; node <= 3; node++) {
            try {
                String json = get(node, "/cluster");
                List<Member> members = new ArrayList<>();
                Matcher m = MEMBER.matcher(json);
                while (m.find()) {
                    String member = m.group();
                    members.add(new Member(field(member, "name"), field(member, "role"), field(member, "state"),
                            Integer.parseInt(field(member, "port")), optional(member, "lag"),
                            field(member, "api_url")));
                }
                return members;
            } catch (IOException | RuntimeException e) {
                // that node's API is down (its machine "crashed"): ask the next
            }
        }
        return List.of();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String optional(String json, String name) {
        return json.contains("\"" + name + "\"") ? field(json, name).trim() : "";
    }

    static Member leader() {
        return members().stream().filter(m -> m.role().equals("leader") && m.state().equals("running")).findFirst()
                .orElse(null);
    }

    /** A running leader and two running replicas (sync_standby counts as a replica). */
    static boolean healthy(boolean synchronous) {
        List<Member> members = members();
        long leaders = members.stream().filter(m -> m.role().equals("leader") && m.state().equals("running")).count();
        long replicas = members.stream().filter(m -> (m.role().equals("replica") || m.role().equals("sync_standby"))
                && m.state().equals("running") && m.lag().equals("0")).count();
        long sync = members.stream().filter(m -> m.role().equals("sync_standby")).count();
        return leaders == 1 && replicas == 2 && (synchronous ? sync >= 1 : sync == 0);
    }

    /**
     * Waits until the cluster has a leader and two caught-up replicas. A replica whose rejoin failed (its pg_rewind
     * was cut short because the leader it rewound from was killed too) never gets there by itself: after a minute it
     * is reinitialized from the leader ({@code POST /reinitialize}), Patroni's own remedy.
     */
    static void awaitHealthy() throws Exception {
        try {
            ScaleOut.await(60, "Patroni cluster healthy", () -> healthy(true) || healthy(false));
            return;
        } catch (AssertionError e) {
            for (Member member : members()) {
                if (!member.role().equals("leader") && !member.state().equals("running")) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(member.apiUrl().replaceFirst("/patroni$", "")
                            + "/reinitialize")).POST(HttpRequest.BodyPublishers.ofString("{\"force\": true}"))
                            .timeout(Duration.ofSeconds(10)).build();
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                }
            }
        }
        ScaleOut.await(180, "Patroni cluster healthy after reinitializing", () -> healthy(true) || healthy(false));
    }

    /** Switches synchronous replication on or off (Patroni's dynamic configuration, stored in etcd). */
    static void synchronousMode(boolean on) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api(leader().node()) + "/config"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"synchronous_mode\": " + on + "}"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PATCH /config failed: " + response.statusCode() + " " + response.body());
        }
        ScaleOut.await(60, "synchronous_mode=" + on + " in effect", () -> healthy(on));
    }

    /** The leader's postmaster PID, from its data directory. */
    static long postmasterPid(Member member) throws IOException {
        Path pidFile = Path.of(System.getProperty("athanor.scaleout.dir", "/var/tmp/athanor-scaleout"), "patroni",
                member.name(), "data", "postmaster.pid");
        return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    }

    private static int api(int node) {
        return 8007 + node;
    }

    private static String get(int node, String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api(node) + path))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
