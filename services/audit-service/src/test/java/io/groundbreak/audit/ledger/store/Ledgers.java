package io.groundbreak.audit.ledger.store;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A ledger on a data source of the test's own, without a Spring context. */
public final class Ledgers {

    private Ledgers() {
    }

    public static Ledger on(DataSource dataSource) {
        return new Ledger(JdbcClient.create(dataSource), new Cursor(dataSource, new DataSourceTransactionManager(dataSource)));
    }
}
