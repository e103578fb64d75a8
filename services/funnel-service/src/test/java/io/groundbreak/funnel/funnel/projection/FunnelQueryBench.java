package io.groundbreak.funnel.funnel.projection;

import io.groundbreak.events.CloudEventHeaders;
import io.groundbreak.events.Stage;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.funnel.funnel.query.Breakdown;
import io.groundbreak.funnel.funnel.query.FunnelFilter;
import io.groundbreak.funnel.funnel.query.FunnelReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test (its name keeps it out of {@code mvn verify}): bulk-loads
 * {@code -Dfunnel.bench.projects} (default 1,000,000) random projects into the active read model with
 * COPY, through the same {@link ProjectTimeline} and {@link FunnelDeltas#rows} the live consumer uses,
 * then times funnel queries with random dates and every kind of filter, through FunnelReader and over
 * HTTP, and prints p50/p99.
 * Run: {@code mvn -o -pl services/funnel-service verify -Dit.test=FunnelQueryBench -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures also land in {@code target/funnel-bench.txt}.
 * It lives in this package to reach the projection's package-private types.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class FunnelQueryBench {

    private static final int PROJECTS = Integer.getInteger("funnel.bench.projects", 1_000_000);
    private static final int QUERIES = Integer.getInteger("funnel.bench.queries", 2_000);
    private static final LocalDate FIRST_DAY = LocalDate.parse("2018-01-01");
    private static final int DAYS = 7 * 365;
    private static final int BATCH = 50_000;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.get().registerSpringProperties(registry, "funnel_bench");
        registry.add("spring.cloud.stream.bindings.projectEvents-in-0.destination",
                () -> CloudEventHeaders.TOPIC + ".bench-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    ReferenceData referenceData;

    @Autowired
    FunnelReader funnels;

    @Test
    void funnelQueriesOnAMillionProjects() throws Exception {
        long loadStart = System.nanoTime();
        load();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String credentials = "Basic " + Base64.getEncoder().encodeToString("leader:leader-dev".getBytes(StandardCharsets.UTF_8));
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%,d projects loaded in %.0f s; %d queries per kind after 200 warm-up queries%n", PROJECTS, loadSeconds, QUERIES));
        for (boolean overHttp : List.of(false, true)) {
            report.append(overHttp ? "over HTTP (GET, JSON, HTTP Basic), client in the same JVM:\n" : "FunnelReader (SQL and arithmetic):\n");
            Random random = new Random(7);
            List<Long> all = new ArrayList<>();
            for (String kind : List.of("none", "district", "chain", "district+chain", "breakdown")) {
                List<Long> nanos = new ArrayList<>();
                for (int i = -200; i < QUERIES; i++) {
                    FunnelFilter filter = randomFilter(random, kind);
                    Breakdown by = random.nextBoolean() ? Breakdown.DISTRICT : Breakdown.CHAIN;
                    long begin = System.nanoTime();
                    if (overHttp) {
                        get(client, credentials, kind.equals("breakdown") ? "/api/funnel/breakdown?by="
                                + by.name().toLowerCase(Locale.ROOT) + "&asOf=" + filter.asOf() : "/api/funnel?asOf=" + filter.asOf()
                                + filter.district().map(code -> "&district=" + code).orElse("")
                                + filter.chain().map(code -> "&chain=" + code).orElse(""));
                    } else if (kind.equals("breakdown")) {
                        funnels.breakdown(by, filter, by == Breakdown.DISTRICT
                                ? referenceData.districtCodes() : referenceData.chainCodes());
                    } else {
                        funnels.funnel(filter);
                    }
                    if (i >= 0) {
                        nanos.add(System.nanoTime() - begin);
                    }
                }
                if (!kind.equals("breakdown")) {
                    all.addAll(nanos);
                }
                report.append(line(kind, nanos));
            }
            report.append(line("every funnel", all));
        }
        // what HTTP costs by itself, without authentication: the open health endpoint
        List<Long> health = new ArrayList<>();
        for (int i = -200; i < QUERIES; i++) {
            long begin = System.nanoTime();
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (i >= 0) {
                health.add(System.nanoTime() - begin);
            }
        }
        report.append(line("health, no auth", health));
        System.out.println(report);
        Files.writeString(Path.of("target", "funnel-bench.txt"), report);
    }

    private FunnelFilter randomFilter(Random random, String kind) {
        LocalDate asOf = FIRST_DAY.plusDays(random.nextInt(DAYS + 365));
        List<String> districts = referenceData.districtCodes();
        List<String> chains = referenceData.chainCodes();
        Optional<String> district = Optional.of(districts.get(random.nextInt(districts.size())));
        Optional<String> chain = Optional.of(chains.get(random.nextInt(chains.size())));
        return new FunnelFilter(asOf, kind.startsWith("district") ? district : Optional.empty(),
                kind.endsWith("chain") ? chain : Optional.empty());
    }

    private void get(HttpClient client, String credentials, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", credentials).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }

    private static String line(String kind, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format(Locale.ROOT, "%-18s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", kind,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[(int) Math.ceil(fraction * sorted.length) - 1] / 1e6;
    }

    /** Projects and milestones as rows, the funnel deltas summed over all projects, all with COPY. */
    private void load() throws SQLException, IOException {
        Random random = new Random(42);
        List<String> districts = referenceData.districtCodes();
        List<String> chains = referenceData.chainCodes();
        Map<String, long[]> deltas = new HashMap<>();
        Map<String, DeltaRow> deltaRows = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            String schema;
            try (Statement statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT active FROM public.read_model")) {
                result.next();
                schema = result.getString(1);
            }
            StringBuilder projects = new StringBuilder();
            StringBuilder milestones = new StringBuilder();
            for (int i = 0; i < PROJECTS; i++) {
                UUID id = new UUID(random.nextLong(), random.nextLong());
                String district = districts.get(random.nextInt(districts.size()));
                String chain = chains.get(random.nextInt(chains.size()));
                BigDecimal planned = BigDecimal.valueOf(1_000_000L + random.nextInt(1_000_000_000), 2);
                Map<Stage, LocalDate> dates = new EnumMap<>(Stage.class);
                LocalDate date = FIRST_DAY.plusDays(random.nextInt(DAYS));
                for (int stage = random.nextInt(3); stage < Stage.values().length && random.nextInt(10) < 7; stage++) {
                    dates.put(Stage.values()[stage], date);
                    date = date.plusDays(random.nextInt(300));
                }
                LocalDate terminated = random.nextInt(10) == 0 ? date.plusDays(random.nextInt(200)) : null;
                projects.append(id).append(",P-").append(i).append(",Project ").append(i).append(',').append(district)
                        .append(',').append(chain).append(",Investor,").append(planned).append(',')
                        .append(terminated == null ? "" : terminated).append('\n');
                dates.forEach((stage, on) -> milestones.append(id).append(',').append(stage.ordinal()).append(',')
                        .append(on).append('\n'));
                for (DeltaRow row : FunnelDeltas.rows(new ProjectTimeline(district, chain, planned, dates, terminated)
                        .contribution())) {
                    long[] sum = deltas.computeIfAbsent(row.key(), key -> {
                        deltaRows.put(key, row);
                        return new long[2];
                    });
                    sum[0] += row.change().projects();
                    sum[1] += row.change().investmentCny().movePointRight(2).longValueExact();
                }
                if ((i + 1) % BATCH == 0 || i + 1 == PROJECTS) {
                    copy(connection, schema + ".project (project_id, code, name, district, chain, investor, "
                            + "planned_investment_cny, terminated_on)", projects);
                    copy(connection, schema + ".milestone (project_id, stage, effective_date)", milestones);
                }
            }
            StringBuilder rows = new StringBuilder();
            for (Map.Entry<String, long[]> delta : deltas.entrySet()) {
                DeltaRow row = deltaRows.get(delta.getKey());
                rows.append(String.join(",", row.scopeDistrict(), row.scopeChain(), row.grain(), row.onDate().toString(),
                                Integer.toString(row.stage()), Boolean.toString(row.terminated()),
                                Long.toString(delta.getValue()[0]), BigDecimal.valueOf(delta.getValue()[1], 2).toPlainString()))
                        .append('\n');
                if (rows.length() > 8_000_000) {
                    copyDeltas(connection, schema, rows);
                }
            }
            copyDeltas(connection, schema, rows);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            System.out.printf(Locale.ROOT, "funnel_delta rows: %,d%n", deltas.size());
        }
    }

    private static void copyDeltas(Connection connection, String schema, StringBuilder rows) throws SQLException, IOException {
        copy(connection, schema + ".funnel_delta (scope_district, scope_chain, grain, on_date, stage, terminated, "
                + "projects, investment_cny)", rows);
    }

    private static void copy(Connection connection, String table, StringBuilder rows) throws SQLException, IOException {
        if (rows.isEmpty()) {
            return;
        }
        connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", new StringReader(rows.toString()));
        rows.setLength(0);
    }
}
