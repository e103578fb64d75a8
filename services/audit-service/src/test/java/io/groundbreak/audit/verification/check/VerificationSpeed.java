package io.groundbreak.audit.verification.check;

import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.Ledgers;
import io.groundbreak.testsupport.events.ProjectStream;
import io.groundbreak.testsupport.yardstick.LedgerScanAndHash;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: a harness timing the chain walk against the bench's raw scan-and-hash ({@code AuditFigures}) of
 * the same rows, in the same run, alternately (the machine is shared). Fills the given database (created if
 * missing) with realistic events once: a registration and five milestones per project, as the bench's seed.
 * Run: {@code java -cp ... VerificationSpeed <database> <projects> <rounds> [<events per project>]} (the first events
 * of each history; all six when not given: 1 gives a ledger of registrations only); drop the database afterwards.
 */
final class VerificationSpeed {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    public static void main(String[] args) throws Exception {
        String database = args[0];
        int projects = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int eventsPerProject = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement();
             ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(SERVER + database, "postgres", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        Ledger ledger = Ledgers.on(dataSource);
        fill(dataSource, ledger, projects, eventsPerProject);
        com.sun.management.OperatingSystemMXBean process =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < rounds; round++) {
            double raw = rawScanAndHash(dataSource);
            long cpuBegin = process.getProcessCpuTime();
            long begin = System.nanoTime();
            ChainWalk walk = ChainWalk.through(ledger);
            double walked = walk.events() / ((System.nanoTime() - begin) / 1e9);
            double cpuMicrosPerEvent = (process.getProcessCpuTime() - cpuBegin) / 1e3 / walk.events();
            System.out.printf("round %d: raw %,.0f rows/s, verification %,.0f events/s (%d events, %d problems,"
                            + " %.1f us CPU per event in this JVM): %.1f %%%n", round, raw, walked, walk.events(),
                    walk.problems().size(), cpuMicrosPerEvent, 100 * walked / raw);
        }
    }

    private static void fill(DriverManagerDataSource dataSource, Ledger ledger, int projects, int eventsPerProject)
            throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM ledger_event")) {
            count.next();
            if (count.getLong(1) > 0) {
                return;
            }
        }
        Random random = new Random(11);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (int first = 0; first < projects; first += 500) {
            int from = first;
            transaction.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(from + 500, projects); i++) {
                    String district = "D" + random.nextInt(16);
                    ProjectStream stream = new ProjectStream(district);
                    ProjectHistories.history(stream.projectId, i, district, random).stream().limit(eventsPerProject)
                            .forEach(event -> ledger.append(stream.next(event)));
                }
            });
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE ledger_event");
        }
    }

    /** The bench's raw.scan-and-hash yardstick on this ledger. */
    private static double rawScanAndHash(DriverManagerDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return LedgerScanAndHash.over(connection).rowsPerSecond();
        }
    }
}
