package io.groundbreak.bench;

import io.groundbreak.testsupport.yardstick.LedgerScanAndHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * audit-service's export and verification against what the machine does at the least: reading the same
 * ledger rows over JDBC, in the same order, and taking the SHA-256 of each row's fields. Each is run
 * {@value #RUNS} times in turn and the last run counts, every run's rate kept in the details: the first runs warm up
 * the JIT and PostgreSQL's cache alike, and a chain walk's code reached its compiled speed only in the third run
 * (audit-service's {@code VerificationSpeed} harness: 44 %, 68 %, then 80 % of the raw limit on one ledger).
 */
final class AuditFigures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RUNS = 3;

    private final GroundbreakSystem system;

    AuditFigures(GroundbreakSystem system) {
        this.system = system;
    }

    List<Figure> measure() throws Exception {
        Figure raw = lastOf(this::rawScanAndHash);
        Figure export = lastOf(this::exportOnce);
        Figure verification = lastOf(this::verifyOnce);
        return List.of(raw,
                Figure.againstRawLimit("audit.export", "Audit export, JSONL over HTTP", export.value(), "events/s", null,
                        raw, Double.NaN, export.details()),
                Figure.againstRawLimit("audit.verification", "Audit verification (every hash and link recomputed)",
                        verification.value(), "events/s", null, raw, 0.50, verification.details()));
    }

    /** The last of {@value #RUNS} runs, with every run's value in its details ({@code runs}). */
    private static Figure lastOf(Measurement measurement) throws Exception {
        List<String> runs = new ArrayList<>();
        Figure last = null;
        for (int run = 0; run < RUNS; run++) {
            last = measurement.run();
            runs.add(String.format(Locale.ROOT, "%,.0f", last.value()));
        }
        Map<String, Object> details = new LinkedHashMap<>(last.details());
        details.put("runs", String.join(", ", runs) + " " + last.unit() + " (the last counts)");
        return new Figure(last.key(), last.name(), last.value(), last.unit(), last.valueText(), last.rawLimit(),
                last.ratio(), last.target(), last.met(), details);
    }

    @FunctionalInterface
    private interface Measurement {
        Figure run() throws Exception;
    }

    private Figure rawScanAndHash() throws Exception {
        LedgerScanAndHash scan;
        try (Connection connection = GroundbreakSystem.connect(system.auditDatabase)) {
            scan = LedgerScanAndHash.over(connection);
        }
        return Figure.rawLimit("raw.scan-and-hash", "PostgreSQL scan of the ledger rows + SHA-256 of each (JDBC, 1 thread)",
                scan.rowsPerSecond(), "rows/s", Map.of("rows", scan.rows(), "seconds", scan.seconds(),
                        "lastDigest", scan.lastDigest(), "benchCpuMsPerRow", scan.cpuNanos() / 1e6 / scan.rows()));
    }

    private Figure exportOnce() {
        long[] lines = {0};
        long cpuBefore = system.audit.cpuNanos();
        BenchHttp.Answer answer = system.http.getStreamed(system.auditUrl("/api/audit/export?format=jsonl"), "auditor",
                in -> lines[0] = countLines(in));
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /api/audit/export answered " + answer.status());
        }
        double seconds = answer.nanos() / 1e9;
        return Figure.information("audit.export", "export", lines[0] / seconds, "events/s", null,
                Map.of("events", lines[0], "seconds", seconds,
                        "auditCpuMsPerEvent", (system.audit.cpuNanos() - cpuBefore) / 1e6 / lines[0]));
    }

    /**
     * One verification, with the time of each of its parts as audit-service's timer kept it: the completeness check
     * (the source's and the funnel's heads over HTTP against the ledger's) runs beside the chain walk.
     */
    private Figure verifyOnce() {
        long cpuBefore = system.audit.cpuNanos();
        double completenessBefore = verificationSeconds("completeness");
        double walkBefore = verificationSeconds("chain-walk");
        BenchHttp.Answer answer = system.http.post(system.auditUrl("/api/audit/verification"), "auditor", "");
        if (answer.status() != 200) {
            throw new IllegalStateException("POST /api/audit/verification answered " + answer.status() + " " + answer.body());
        }
        JsonNode report = JSON.readTree(answer.body());
        if (!report.path("ok").asBoolean()) {
            throw new IllegalStateException("verification found problems: " + answer.body());
        }
        long events = report.path("eventsChecked").asLong();
        double seconds = answer.nanos() / 1e9;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("events", events);
        details.put("projects", report.path("projectsChecked").asLong());
        details.put("seconds", seconds);
        details.put("completenessSeconds", verificationSeconds("completeness") - completenessBefore);
        details.put("chainWalkSeconds", verificationSeconds("chain-walk") - walkBefore);
        details.put("auditCpuMsPerEvent", (system.audit.cpuNanos() - cpuBefore) / 1e6 / events);
        return Figure.information("audit.verification", "verification", events / seconds, "events/s", null, details);
    }

    /** The total time audit-service's verification spent so far in one of its parts, in seconds. */
    private double verificationSeconds(String part) {
        BenchHttp.Answer answer = system.http.get(system.auditUrl("/actuator/metrics/groundbreak.verification.duration"
                + "?tag=part:" + part), "admin");
        if (answer.status() == 404) {
            return 0; // no verification has run yet: the timer has nothing to show
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("GET the verification timer answered " + answer.status() + " " + answer.body());
        }
        for (JsonNode measurement : JSON.readTree(answer.body()).path("measurements")) {
            if (measurement.path("statistic").asString().equals("TOTAL_TIME")) {
                return measurement.path("value").asDouble();
            }
        }
        throw new IllegalStateException("the verification timer has no TOTAL_TIME: " + answer.body());
    }

    private static long countLines(InputStream in) {
        try {
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
