package io.groundbreak.funnel.readmodel;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two sets of read-model tables (schemas {@value #BLUE} and {@value #GREEN}) and which one is
 * active. Every reader and writer picks its set per transaction with {@link #use(String)}, so a
 * switch takes effect in one step for everybody.
 */
@Component
public class ReadModels {

    public static final String BLUE = "funnel_blue";
    public static final String GREEN = "funnel_green";
    /** Children before parents, for TRUNCATE's sake. */
    private static final List<String> TABLES = List.of(
            "change_request", "duplicate_decision", "target_change", "funnel_delta", "investment_report", "suspension",
            "milestone", "project", "applied_sequence");

    private final JdbcClient jdbc;

    ReadModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String other(String schema) {
        return BLUE.equals(schema) ? GREEN : BLUE;
    }

    /** Points this transaction's unqualified table names at {@code schema}'s tables. */
    public void use(String schema) {
        jdbc.sql("SELECT set_config('search_path', :schema, true)")
                .param("schema", known(schema))
                .query(String.class)
                .single();
    }

    /** Uses the active set for the rest of this transaction. */
    public String useActive() {
        String active = jdbc.sql("SELECT active FROM public.read_model").query(String.class).single();
        use(active);
        return active;
    }

    /** Like {@link #useActive()}, and keeps a switch waiting until this transaction ends. */
    public String useActiveUntilCommit() {
        String active = jdbc.sql("SELECT active FROM public.read_model FOR SHARE").query(String.class).single();
        use(active);
        return active;
    }

    /** Holds back every writer of the active set until this transaction ends; returns the active set. */
    public String lockForSwitch() {
        return jdbc.sql("SELECT active FROM public.read_model FOR UPDATE").query(String.class).single();
    }

    public void activate(String schema) {
        jdbc.sql("UPDATE public.read_model SET active = :schema, switched_at = now()").param("schema", schema).update();
    }

    public void empty(String schema) {
        jdbc.sql("TRUNCATE " + String.join(", ", TABLES.stream().map(table -> known(schema) + "." + table).toList())).update();
    }

    /** Schema names end up in SQL text: only ours are let through. */
    private static String known(String schema) {
        if (!BLUE.equals(schema) && !GREEN.equals(schema)) {
            throw new IllegalArgumentException("not a read-model schema: " + schema);
        }
        return schema;
    }
}
