package io.groundbreak.funnel.query;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The optional district and chain of a query on table {@code project p}, as SQL and its parameters. A figure counts
 * the projects that are not duplicates ({@link #conditions}); a plain list may show them ({@link #listed}).
 */
final class ProjectScope {

    /** The project is a duplicate: the latest decision on one of its pairs says it is the same as the primary. */
    static final String DUPLICATE = "EXISTS (SELECT 1 FROM duplicate_decision dd WHERE dd.duplicate_id = p.project_id)";

    private ProjectScope() {
    }

    /**
     * " AND p.district = :district AND p.chain = :chain", each only when given, and not a duplicate: the projects a
     * figure counts, and so every list that is a figure's drill-down.
     */
    static String conditions(Optional<String> district, Optional<String> chain) {
        return listed(district, chain) + " AND NOT " + DUPLICATE;
    }

    /** " AND p.district = :district AND p.chain = :chain", each only when given, duplicates included. */
    static String listed(Optional<String> district, Optional<String> chain) {
        return (district.isPresent() ? " AND p.district = :district" : "") + (chain.isPresent() ? " AND p.chain = :chain" : "");
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Optional<String> district, Optional<String> chain) {
        district.ifPresent(code -> statement.param("district", code));
        chain.ifPresent(code -> statement.param("chain", code));
        return statement;
    }
}
