package io.groundbreak.funnel.query;

import io.groundbreak.funnel.readmodel.ReadModels;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the duplicate candidates among the projects as they stand now (registered and amended; terminated ones left
 * out: a closed record is nobody's double; so are duplicates, counted as their primary already), every time it is asked, so a registration or an amendment shows at once.
 * Only pairs that share a chain and an investor bigram are compared ({@link #MAX_POSTINGS}: a bigram that most
 * investors share, such as 科技, finds nothing by itself), not every pair of the city.
 */
@Component
public class DuplicateFinder {

    /** A bigram shared by more investors than this does not bring pairs to compare on its own. */
    static final int MAX_POSTINGS = 500;

    private final JdbcClient jdbc;
    private final ReadModels readModels;
    private final DuplicateRules rules;

    DuplicateFinder(JdbcClient jdbc, ReadModels readModels, DuplicateSettings settings) {
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.rules = new DuplicateRules(settings);
    }

    /**
     * The open candidates of the chain (every chain when empty) that involve the district (any when empty), by code: the
     * pairs the rules find among the projects that are not duplicates, but those with a decision.
     */
    @Transactional(readOnly = true)
    public List<DuplicatePair> open(Optional<String> district, Optional<String> chain) {
        readModels.useActive();
        Map<String, List<DuplicateRules.Compared>> byChain = new HashMap<>();
        jdbc.sql("SELECT project_id, code, name, district, chain, investor, planned_investment_cny FROM project p"
                        + " WHERE terminated_on IS NULL AND NOT " + ProjectScope.DUPLICATE
                        + (chain.isPresent() ? " AND chain = :chain" : ""))
                .params(chain.map(code -> Map.<String, Object>of("chain", code)).orElse(Map.of()))
                .query((row, number) -> compared(row, ""))
                .list()
                .forEach(project -> byChain.computeIfAbsent(project.chain(), code -> new ArrayList<>())
                        .add(DuplicateRules.Compared.of(project)));
        Set<List<UUID>> decided = new HashSet<>(jdbc.sql("SELECT first_id, second_id FROM duplicate_decision")
                .query((row, number) -> List.of(row.getObject("first_id", UUID.class), row.getObject("second_id", UUID.class)))
                .list());
        List<DuplicateCandidate> found = new ArrayList<>();
        byChain.values().forEach(projects -> found.addAll(candidatesIn(projects, district)));
        found.removeIf(pair -> decided.contains(List.of(pair.first().projectId(), pair.second().projectId())));
        found.sort(Comparator.comparing((DuplicateCandidate pair) -> pair.first().code())
                .thenComparing(pair -> pair.second().code()));
        return found.stream().map(pair -> new DuplicatePair(pair, null)).toList();
    }

    /**
     * Every pair with a decision, one of whose projects is of the district and one of the chain (any when empty), newest
     * decision first, with the evidence the rules see in it now (candidate or not). A pair decided before both its
     * projects are in the read model waits for them.
     */
    @Transactional(readOnly = true)
    public List<DuplicatePair> decided(Optional<String> district, Optional<String> chain) {
        readModels.useActive();
        String sql = """
                SELECT d.same, d.primary_id, d.reason, d.decided_by, d.decided_at,
                       a.project_id AS a_project_id, a.code AS a_code, a.name AS a_name, a.district AS a_district,
                       a.chain AS a_chain, a.investor AS a_investor, a.planned_investment_cny AS a_planned_investment_cny,
                       b.project_id AS b_project_id, b.code AS b_code, b.name AS b_name, b.district AS b_district,
                       b.chain AS b_chain, b.investor AS b_investor, b.planned_investment_cny AS b_planned_investment_cny
                FROM duplicate_decision d
                JOIN project a ON a.project_id = d.first_id
                JOIN project b ON b.project_id = d.second_id
                WHERE true %s %s
                ORDER BY d.decided_at DESC, d.pair_id""".formatted(
                district.isPresent() ? "AND (a.district = :district OR b.district = :district)" : "",
                chain.isPresent() ? "AND (a.chain = :chain OR b.chain = :chain)" : "");
        return ProjectScope.bind(jdbc.sql(sql), district, chain)
                .query((row, number) -> new DuplicatePair(rules.evidence(compared(row, "a_"), compared(row, "b_")),
                        new DuplicateDecision(row.getBoolean("same"), row.getObject("primary_id", UUID.class),
                                row.getString("reason"), row.getString("decided_by"),
                                row.getTimestamp("decided_at").toInstant())))
                .list();
    }

    private static ComparedProject compared(ResultSet row, String prefix) throws SQLException {
        return new ComparedProject(row.getObject(prefix + "project_id", UUID.class), row.getString(prefix + "code"),
                row.getString(prefix + "name"), row.getString(prefix + "district"), row.getString(prefix + "chain"),
                row.getString(prefix + "investor"), row.getBigDecimal(prefix + "planned_investment_cny"));
    }

    private List<DuplicateCandidate> candidatesIn(List<DuplicateRules.Compared> projects, Optional<String> district) {
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < projects.size(); i++) {
            for (String bigram : projects.get(i).investor()) {
                postings.computeIfAbsent(bigram, key -> new ArrayList<>()).add(i);
            }
        }
        List<DuplicateCandidate> found = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            Set<Integer> compared = new HashSet<>();
            for (String bigram : projects.get(i).investor()) {
                List<Integer> sharing = postings.get(bigram);
                if (sharing.size() > MAX_POSTINGS) {
                    continue;
                }
                for (int j : sharing) {
                    if (j > i && compared.add(j)) {
                        DuplicateRules.Compared a = projects.get(i);
                        DuplicateRules.Compared b = projects.get(j);
                        if (district.isEmpty() || district.get().equals(a.project().district())
                                || district.get().equals(b.project().district())) {
                            rules.compare(a, b).ifPresent(found::add);
                        }
                    }
                }
            }
        }
        return found;
    }
}
