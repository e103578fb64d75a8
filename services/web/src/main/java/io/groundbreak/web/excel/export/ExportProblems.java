package io.groundbreak.web.excel.export;

import io.groundbreak.web.excel.ExcelTexts;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An export that a service refused answers with that service's problem; one that cannot be read, 503. */
// before Boot's problem-details handler (order 0), which would answer the same exceptions without our types
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = ExportController.class)
class ExportProblems extends ServiceReadProblems {

    private final ExcelTexts texts;

    ExportProblems(ExcelTexts texts) {
        super("export");
        this.texts = texts;
    }

    @Override
    protected String unavailableDetail(HttpServletRequest request) {
        return texts.text(ExcelTexts.of(request), "service.unavailable");
    }
}
