package io.groundbreak.funnel.query;

import io.groundbreak.funnel.readmodel.ReadModels;
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
 * out: a closed record is nobody's double), every time it is asked, so a registration or an amendment shows at once.
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

    /** The candidates of the chain (every chain when empty) that involve the district (any when empty), by code. */
    @Transactional(readOnly = true)
    public List<DuplicateCandidate> candidates(Optional<String> district, Optional<String> chain) {
        readModels.useActive();
        Map<String, List<DuplicateRules.Compared>> byChain = new HashMap<>();
        jdbc.sql("SELECT project_id, code, name, district, chain, investor, planned_investment_cny FROM project"
                        + " WHERE terminated_on IS NULL" + (chain.isPresent() ? " AND chain = :chain" : ""))
                .params(chain.map(code -> Map.<String, Object>of("chain", code)).orElse(Map.of()))
                .query((row, number) -> new ComparedProject(row.getObject("project_id", UUID.class), row.getString("code"),
                        row.getString("name"), row.getString("district"), row.getString("chain"), row.getString("investor"),
                        row.getBigDecimal("planned_investment_cny")))
                .list()
                .forEach(project -> byChain.computeIfAbsent(project.chain(), code -> new ArrayList<>())
                        .add(DuplicateRules.Compared.of(project)));
        List<DuplicateCandidate> found = new ArrayList<>();
        byChain.values().forEach(projects -> found.addAll(candidatesIn(projects, district)));
        found.sort(Comparator.comparing((DuplicateCandidate pair) -> pair.first().code())
                .thenComparing(pair -> pair.second().code()));
        return found;
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
