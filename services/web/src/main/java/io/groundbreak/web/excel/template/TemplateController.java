package io.groundbreak.web.excel.template;

import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.excel.writing.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /web/import/template.xlsx}: the import template, drawn from this deployment's reference data. */
@RestController
class TemplateController {

    private final ReferenceData referenceData;

    TemplateController(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    @GetMapping("/web/import/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        Downloads.xlsx(response, "重大项目动态导入模板.xlsx", "groundbreak-import-template.xlsx");
        ImportTemplate.write(referenceData, response.getOutputStream());
    }
}
