package io.groundbreak.web.excel.importing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code groundbreak.web.excel}: the most rows one upload may carry ({@code max-rows}, header included),
 * how many imports send rows to milestone-service at once ({@code parallelism}), how many rows go in one
 * batch ({@code batch-size}; one project's rows always one after another), and how long and how many
 * finished import reports are kept ({@code reports-kept-for}, {@code max-reports}).
 */
@ConfigurationProperties("groundbreak.web.excel")
public record ExcelProperties(Integer maxRows, Integer parallelism, Integer batchSize, Duration reportsKeptFor,
                              Integer maxReports) {

    public ExcelProperties {
        maxRows = maxRows == null ? 50_001 : maxRows;
        parallelism = parallelism == null ? 4 : parallelism;
        // at most milestone-service's groundbreak.batch.max-actions (1,000)
        batchSize = batchSize == null ? 500 : batchSize;
        reportsKeptFor = reportsKeptFor == null ? Duration.ofHours(24) : reportsKeptFor;
        maxReports = maxReports == null ? 200 : maxReports;
    }
}
