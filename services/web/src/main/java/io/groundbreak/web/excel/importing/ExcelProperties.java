package io.groundbreak.web.excel.importing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code groundbreak.web.excel}: the most rows one upload may carry ({@code max-rows}, header included),
 * how many rows are sent to milestone-service at once ({@code parallelism}; rows of one project always
 * one after another), and how long and how many finished import reports are kept in memory
 * ({@code reports-kept-for}, {@code max-reports}).
 */
@ConfigurationProperties("groundbreak.web.excel")
public record ExcelProperties(Integer maxRows, Integer parallelism, Duration reportsKeptFor, Integer maxReports) {

    public ExcelProperties {
        maxRows = maxRows == null ? 50_001 : maxRows;
        parallelism = parallelism == null ? 4 : parallelism;
        reportsKeptFor = reportsKeptFor == null ? Duration.ofHours(24) : reportsKeptFor;
        maxReports = maxReports == null ? 200 : maxReports;
    }
}
