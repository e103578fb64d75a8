package io.groundbreak.web.excel.importing;

import java.time.Instant;
import java.util.List;

/**
 * An import as the page sees it: {@code RUNNING} with its progress, or {@code FINISHED} with every row's
 * outcome (rows are listed only once finished, so that polling a 10,000-row import stays cheap).
 */
public record ImportStatus(String id, String fileName, String sheet, String contentHash, String state,
                           Instant startedAt, Instant finishedAt, int total, int done, ImportCounts counts,
                           List<RowOutcome> rows, String report) {
}
