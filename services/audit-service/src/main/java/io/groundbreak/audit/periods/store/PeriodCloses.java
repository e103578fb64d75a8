package io.groundbreak.audit.periods.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table {@code period_close} (V6): acts are appended and never changed. */
@Component
public class PeriodCloses {

    private static final String COLUMNS = "district, period, step, action, at, by_user, reason";

    private final JdbcClient jdbc;

    PeriodCloses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A district's month, act by act. */
    public List<PeriodAct> history(String district, YearMonth period) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM period_close WHERE district = :district AND period = :period"
                        + " ORDER BY step")
                .param("district", district)
                .param("period", period.toString())
                .query((row, number) -> act(row))
                .list();
    }

    /** Every district's acts on a month, each district's in step order. */
    public List<PeriodAct> ofPeriod(YearMonth period) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM period_close WHERE period = :period ORDER BY district, step")
                .param("period", period.toString())
                .query((row, number) -> act(row))
                .list();
    }

    /** @return false when another act took this step of the month first (nothing written) */
    public boolean append(PeriodAct act) {
        try {
            return jdbc.sql("INSERT INTO period_close (" + COLUMNS + ") VALUES (:district, :period, :step, :action, :at,"
                            + " :by, :reason)")
                    .param("district", act.district())
                    .param("period", act.period().toString())
                    .param("step", act.step())
                    .param("action", act.action().column())
                    .param("at", OffsetDateTime.ofInstant(act.at(), ZoneOffset.UTC))
                    .param("by", act.by())
                    .param("reason", act.reason(), Types.VARCHAR)
                    .update() == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    private static PeriodAct act(ResultSet row) throws SQLException {
        Instant at = row.getObject("at", OffsetDateTime.class).toInstant();
        return new PeriodAct(row.getString("district"), YearMonth.parse(row.getString("period")), row.getInt("step"),
                PeriodAction.ofColumn(row.getString("action")), at, row.getString("by_user"), row.getString("reason"));
    }
}
