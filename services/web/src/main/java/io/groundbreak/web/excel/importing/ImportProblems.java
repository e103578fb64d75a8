package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.kit.web.Problems;
import io.groundbreak.web.excel.reading.UnreadableSpreadsheet;
import io.groundbreak.web.gateway.BackendUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * What the import refuses as a whole, as problem+json in the request's language (Chinese unless it asks
 * for English), with {@code errors: [{field, message}]} naming the columns or cells concerned. A file that
 * cannot be read is the client's problem (4xx), never the server's.
 */
// before Boot's problem-details handler (order 0), which would answer the same exceptions without our types
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = ImportController.class)
class ImportProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ImportProblems.class);

    private final ExcelTexts texts;
    private final ExcelProperties properties;
    private final DataSize maxFileSize;

    ImportProblems(ExcelTexts texts, ExcelProperties properties,
                   @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.texts = texts;
        this.properties = properties;
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler
    ProblemDetail unreadable(UnreadableSpreadsheet unreadable, HttpServletRequest request) {
        Locale locale = ExcelTexts.of(request);
        String detail = texts.text(locale, "file." + unreadable.reason().name(), properties.maxRows() - 1);
        return switch (unreadable.reason()) {
            case NOT_XLSX -> Problems.of(HttpStatus.BAD_REQUEST, "not-xlsx", detail);
            case LEGACY_XLS -> Problems.of(HttpStatus.BAD_REQUEST, "legacy-xls", detail);
            case ENCRYPTED -> Problems.of(HttpStatus.BAD_REQUEST, "encrypted-workbook", detail);
            case DAMAGED -> Problems.of(HttpStatus.BAD_REQUEST, "damaged-workbook", detail);
            case NO_SHEET -> Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "no-sheet", detail);
            case TOO_MANY_ROWS -> Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-many-rows", detail);
        };
    }

    @ExceptionHandler
    ProblemDetail wrongHeaders(WrongHeaders wrong, HttpServletRequest request) {
        Locale locale = ExcelTexts.of(request);
        return withErrors(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "wrong-headers",
                texts.text(locale, "file.wrong-headers", wrong.sheet())), wrong.problems().stream()
                .map(problem -> Map.of("field", problem.cell() != null ? problem.cell() : problem.column(),
                        "message", problem.message()))
                .toList());
    }

    @ExceptionHandler
    ProblemDetail merged(MergedCells merged, HttpServletRequest request) {
        Locale locale = ExcelTexts.of(request);
        return withErrors(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "merged-cells",
                texts.text(locale, "file.merged-cells", merged.sheet(), String.join(", ", merged.ranges()))),
                merged.ranges().stream().map(range -> Map.of("field", range, "message", texts.text(locale, "file.merged")))
                        .toList());
    }

    @ExceptionHandler
    ProblemDetail noRows(NoDataRows empty, HttpServletRequest request) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "no-rows",
                texts.text(ExcelTexts.of(request), "file.no-rows", empty.sheet()));
    }

    @ExceptionHandler
    ProblemDetail missing(MissingUpload missing, HttpServletRequest request) {
        return withErrors(Problems.of(HttpStatus.BAD_REQUEST, "missing-file",
                texts.text(ExcelTexts.of(request), "file.missing")),
                List.of(Map.of("field", "file", "message", texts.text(ExcelTexts.of(request), "file.missing"))));
    }

    /** Thrown while the multipart body is parsed, once the upload is larger than {@code spring.servlet.multipart}'s limits. */
    @ExceptionHandler
    ProblemDetail tooLarge(MaxUploadSizeExceededException tooLarge, HttpServletRequest request) {
        // Tomcat does not say which limit was passed; the file's limit is the one a user can act on
        String size = maxFileSize.toMegabytes() + " MB";
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large",
                texts.text(ExcelTexts.of(request), "file.too-large", size));
    }

    /** Not a multipart request, or one that cannot be parsed. */
    @ExceptionHandler
    ProblemDetail notMultipart(MultipartException broken, HttpServletRequest request) {
        if (broken.getCause() != null && broken.getCause().getClass().getSimpleName().contains("SizeLimit")) {
            return tooLarge(new MaxUploadSizeExceededException(-1, broken), request);
        }
        return missing(new MissingUpload(), request);
    }

    @ExceptionHandler
    ProblemDetail forbidden(ImportForbidden forbidden, HttpServletRequest request) {
        return Problems.of(HttpStatus.FORBIDDEN, "import-for-district-offices",
                texts.text(ExcelTexts.of(request), "import.district-only"));
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownImport unknown, HttpServletRequest request) {
        return Problems.of(HttpStatus.NOT_FOUND, "unknown-import",
                texts.text(ExcelTexts.of(request), "import.unknown", properties.reportsKeptFor().toHours()));
    }

    @ExceptionHandler
    ProblemDetail running(ImportStillRunning running, HttpServletRequest request) {
        return Problems.of(HttpStatus.CONFLICT, "import-running", texts.text(ExcelTexts.of(request), "import.running"));
    }

    @ExceptionHandler
    ProblemDetail interrupted(ImportInterrupted interrupted, HttpServletRequest request) {
        return Problems.of(HttpStatus.CONFLICT, "import-interrupted",
                texts.text(ExcelTexts.of(request), "import.interrupted"));
    }

    @ExceptionHandler({ServicesUnavailable.class, BackendUnavailable.class})
    ProblemDetail unavailable(RuntimeException unavailable, HttpServletRequest request) {
        LOG.warn("import refused: {}", unavailable.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                texts.text(ExcelTexts.of(request), "service.unavailable"));
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }
}
