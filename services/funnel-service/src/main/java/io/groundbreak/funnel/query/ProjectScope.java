package io.groundbreak.funnel.query;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The optional district and chain of a query on table {@code project p}, as SQL and its parameters. */
final class ProjectScope {

    private ProjectScope() {
    }

    /** " AND p.district = :district AND p.chain = :chain", each only when given. */
    static String conditions(Optional<String> district, Optional<String> chain) {
        return (district.isPresent() ? " AND p.district = :district" : "") + (chain.isPresent() ? " AND p.chain = :chain" : "");
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Optional<String> district, Optional<String> chain) {
        district.ifPresent(code -> statement.param("district", code));
        chain.ifPresent(code -> statement.param("chain", code));
        return statement;
    }
}
