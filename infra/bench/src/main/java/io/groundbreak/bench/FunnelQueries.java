package io.groundbreak.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Leaders' funnel queries over HTTP, one after the other as one leader's dashboard sends them: a random
 * date 2018–2025 and a random filter (none, district, chain, both), then breakdowns by district or chain.
 */
final class FunnelQueries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GroundbreakSystem system;
    private final List<String> districts;
    private final List<String> chains;
    private final Random random = new Random(7);

    FunnelQueries(GroundbreakSystem system) {
        this.system = system;
        this.districts = system.referenceData.districtCodes();
        this.chains = system.referenceData.chainCodes();
    }

    /** {@code GET /api/funnel} with every kind of filter: {@code queries} of each after as many again to warm up. */
    Latencies funnels(int queries) {
        Latencies latencies = new Latencies();
        for (int i = -queries; i < 4 * queries; i++) {
            String district = i % 2 == 0 ? null : districts.get(random.nextInt(districts.size()));
            String chain = (i / 2) % 2 == 0 ? null : chains.get(random.nextInt(chains.size()));
            BenchHttp.Answer answer = get(funnelPath(randomDate(), district, chain));
            if (i >= 0) {
                latencies.add(answer.nanos());
            }
        }
        return latencies;
    }

    /** {@code GET /api/funnel/breakdown}, by district or by chain at random. */
    Latencies breakdowns(int queries) {
        Latencies latencies = new Latencies();
        for (int i = -queries / 4; i < queries; i++) {
            BenchHttp.Answer answer = get("/api/funnel/breakdown?by=" + (random.nextBoolean() ? "district" : "chain")
                    + "&asOf=" + randomDate());
            if (i >= 0) {
                latencies.add(answer.nanos());
            }
        }
        return latencies;
    }

    /**
     * {@code GET /api/funnel/cohorts} as the dashboard asks for it: by quarter or month at random, the default span up
     * to a random date 2018–2025 (eight quarters or twelve months), no filter, a district or a chain.
     */
    Latencies cohorts(int queries) {
        Latencies latencies = new Latencies();
        for (int i = -queries / 4; i < queries; i++) {
            String filter = switch (Math.floorMod(i, 3)) {
                case 0 -> "";
                case 1 -> "&district=" + districts.get(random.nextInt(districts.size()));
                default -> "&chain=" + chains.get(random.nextInt(chains.size()));
            };
            BenchHttp.Answer answer = get("/api/funnel/cohorts?by=" + (random.nextBoolean() ? "quarter" : "month")
                    + "&asOf=" + randomDate() + filter);
            if (i >= 0) {
                latencies.add(answer.nanos());
            }
        }
        return latencies;
    }

    /**
     * The service's funnel against counts taken directly from the project and milestone rows (stage on D =
     * the highest stage dated on or before D; lost = terminated by D; current = the rest) for a few dates and
     * filters: the bulk load's funnel_delta must say what the rows say.
     */
    void crossCheck(String schema) throws SQLException {
        List<String[]> cases = List.of(new String[] {null, null},
                new String[] {districts.get(0), null}, new String[] {null, chains.get(1)},
                new String[] {districts.get(2), chains.get(2)});
        for (String[] filter : cases) {
            LocalDate asOf = randomDate();
            JsonNode answer = JSON.readTree(get(funnelPath(asOf, filter[0], filter[1])).body());
            long[][] expected = countsFromRows(schema, asOf, filter[0], filter[1]);
            for (int stage = 0; stage < 5; stage++) {
                JsonNode figures = answer.path("stages").get(stage);
                long[] actual = {figures.path("reached").asLong(), figures.path("current").asLong(),
                        figures.path("lost").asLong()};
                if (actual[0] != expected[stage][0] || actual[1] != expected[stage][1] || actual[2] != expected[stage][2]) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "the bulk-loaded read model disagrees with its rows on %s district=%s chain=%s stage %d: "
                                    + "service reached/current/lost %d/%d/%d, rows %d/%d/%d", asOf, filter[0], filter[1],
                            stage, actual[0], actual[1], actual[2], expected[stage][0], expected[stage][1],
                            expected[stage][2]));
                }
            }
        }
    }

    /** Per stage {reached, current, lost} on {@code asOf}, from the rows. */
    private long[][] countsFromRows(String schema, LocalDate asOf, String district, String chain) throws SQLException {
        long[] atStage = new long[5];
        long[] lost = new long[5];
        String sql = "SELECT s.stage, count(*), count(*) FILTER (WHERE p.terminated_on <= ?) "
                + "FROM (SELECT project_id, max(stage) AS stage FROM " + schema + ".milestone WHERE effective_date <= ? "
                + "GROUP BY project_id) s JOIN " + schema + ".project p USING (project_id) WHERE true"
                + (district == null ? "" : " AND p.district = ?") + (chain == null ? "" : " AND p.chain = ?")
                + " GROUP BY s.stage";
        try (Connection connection = GroundbreakSystem.connect(system.funnelDatabase);
             PreparedStatement query = connection.prepareStatement(sql)) {
            int parameter = 1;
            query.setObject(parameter++, asOf);
            query.setObject(parameter++, asOf);
            if (district != null) {
                query.setString(parameter++, district);
            }
            if (chain != null) {
                query.setString(parameter, chain);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    atStage[row.getInt(1)] = row.getLong(2);
                    lost[row.getInt(1)] = row.getLong(3);
                }
            }
        }
        long[][] counts = new long[5][];
        long reached = 0;
        for (int stage = 4; stage >= 0; stage--) {
            reached += atStage[stage];
            counts[stage] = new long[] {reached, atStage[stage] - lost[stage], lost[stage]};
        }
        return counts;
    }

    private static String funnelPath(LocalDate asOf, String district, String chain) {
        List<String> parameters = new ArrayList<>(List.of("asOf=" + asOf));
        if (district != null) {
            parameters.add("district=" + district);
        }
        if (chain != null) {
            parameters.add("chain=" + chain);
        }
        return "/api/funnel?" + String.join("&", parameters);
    }

    private LocalDate randomDate() {
        return FunnelReadModelLoad.FIRST_DAY.plusDays(random.nextInt(FunnelReadModelLoad.DAYS + 365));
    }

    private BenchHttp.Answer get(String path) {
        BenchHttp.Answer answer = system.http.get(system.funnelUrl(path), "leader");
        if (answer.status() != 200) {
            throw new IllegalStateException(path + " answered " + answer.status() + " " + answer.body());
        }
        return answer;
    }
}
