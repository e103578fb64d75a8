package io.groundbreak.audit.ledger.store;

import io.groundbreak.kit.concurrent.ReadAhead;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.jdbc.core.RowMapper;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads tables of any length in constant memory: a fetch size, inside a read-only transaction, because
 * PostgreSQL's driver only uses a cursor when autocommit is off.
 */
@Component
class Cursor {

    private static final int FETCH_SIZE = 500;
    /** Rows that cross to the caller's thread at once, and such batches waiting at most ({@link #eachReadAhead}). */
    private static final int READ_AHEAD_BATCH = 256;
    private static final int READ_AHEAD_BATCHES = 8;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    Cursor(DataSource dataSource, PlatformTransactionManager transactions) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    void each(String sql, Consumer<JdbcClient.StatementSpec> parameters, RowCallbackHandler action) {
        readOnly.executeWithoutResult(status -> {
            JdbcClient.StatementSpec statement = jdbc.sql(sql);
            parameters.accept(statement);
            statement.query(action);
        });
    }

    /**
     * Like {@link #each}, but the rows are read and mapped on a thread of its own, in a read-only transaction there,
     * while {@code action} takes them in order on this thread ({@link ReadAhead}).
     */
    <T> void eachReadAhead(String sql, Consumer<JdbcClient.StatementSpec> parameters, RowMapper<T> mapper,
                           Consumer<T> action) {
        ReadAhead.<T>items("ledger-read-ahead", READ_AHEAD_BATCH, READ_AHEAD_BATCHES,
                sink -> each(sql, parameters, row -> sink.accept(mapper.mapRow(row, 0))), action);
    }

    /** The rows as a stream the caller pulls from (e.g. to merge it with another sorted stream), closed after use. */
    <T, R> R stream(String sql, RowMapper<T> mapper, Function<Stream<T>, R> use) {
        return readOnly.execute(status -> {
            try (Stream<T> rows = jdbc.sql(sql).query(mapper).stream()) {
                return use.apply(rows);
            }
        });
    }
}
