package io.groundbreak.funnel.query;

import io.groundbreak.funnel.readmodel.ReadModels;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every project's head in the active read model, in project id order, streamed: PostgreSQL hands the rows over
 * through a cursor ({@value #FETCH} at a time, inside this read-only transaction), so a million projects never
 * sit in memory at once.
 */
@Component
public class HeadsReader {

    private static final int FETCH = 1000;

    private final JdbcTemplate jdbc;
    private final ReadModels readModels;

    HeadsReader(JdbcTemplate jdbc, ReadModels readModels) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH);
        this.readModels = readModels;
    }

    @Transactional(readOnly = true)
    public void forEach(Consumer<Head> heads) {
        readModels.useActive();
        jdbc.query("SELECT project_id, last_sequence, last_hash FROM applied_sequence ORDER BY project_id",
                row -> {
                    heads.accept(new Head(row.getObject("project_id", UUID.class), row.getLong("last_sequence"),
                            row.getString("last_hash")));
                });
    }
}
