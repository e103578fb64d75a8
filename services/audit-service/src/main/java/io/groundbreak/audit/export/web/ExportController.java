package io.groundbreak.audit.export.web;

import io.groundbreak.audit.export.write.ExportFormat;
import io.groundbreak.audit.ledger.store.Ledger;
import io.groundbreak.audit.ledger.store.LedgerSelection;
import io.groundbreak.events.ProjectId;
import io.groundbreak.kit.web.InvalidInput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
class ExportController {

    private final Ledger ledger;

    ExportController(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Every selected ledger event in ingest order (each project's in sequence order), written while the
     * cursor reads: memory stays constant for millions of events. Recorded-time bounds are inclusive
     * ISO instants; parked events are not part of the ledger and not exported.
     */
    @GetMapping("/api/audit/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format,
                                                 @RequestParam(required = false) String project,
                                                 @RequestParam(required = false) String district,
                                                 @RequestParam(required = false) String recordedFrom,
                                                 @RequestParam(required = false) String recordedTo) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        ExportFormat exportFormat = parse(problems, "format", Optional.of(given(format).orElse("jsonl")),
                text -> ExportFormat.valueOf(text.toUpperCase(Locale.ROOT)), "must be jsonl or csv").orElse(null);
        LedgerSelection selection = new LedgerSelection(
                parse(problems, "project", given(project), ProjectId::parse, "must be a project id (UUID)"),
                given(district),
                parse(problems, "recordedFrom", given(recordedFrom), Instant::parse, "must be a UTC instant like 2024-07-05T00:00:00Z"),
                parse(problems, "recordedTo", given(recordedTo), Instant::parse, "must be a UTC instant like 2024-07-05T00:00:00Z"));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        StreamingResponseBody body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            exportFormat.writeHeader(out);
            ledger.eachInIngestOrder(selection, event -> {
                try {
                    exportFormat.write(event, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(exportFormat.mediaType() + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"groundbreak-ledger." + exportFormat.fileExtension() + "\"")
                .body(body);
    }

    private static <T> Optional<T> parse(List<InvalidInput.FieldProblem> problems, String field, Optional<String> text,
                                         Function<String, T> parser, String message) {
        try {
            return text.map(parser);
        } catch (IllegalArgumentException | DateTimeException e) {
            problems.add(new InvalidInput.FieldProblem(field, message));
            return Optional.empty();
        }
    }

    private static Optional<String> given(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter.strip());
    }
}
