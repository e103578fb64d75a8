package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.security.Role;
import io.groundbreak.web.excel.reading.UnreadableSpreadsheet;
import io.groundbreak.web.excel.writing.Downloads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Excel import: {@code POST /web/imports} (multipart, field {@code file}) reads and judges the upload
 * and answers 202 with the import's id while its rows are written; {@code GET /web/imports/{id}} its
 * progress, then every row's outcome; {@code GET /web/imports/{id}/report.xlsx} the same as a workbook.
 */
@RestController
class ImportController {

    private final Importer importer;
    private final ExcelTexts texts;

    ImportController(Importer importer, ExcelTexts texts) {
        this.importer = importer;
        this.texts = texts;
    }

    @PostMapping("/web/imports")
    ResponseEntity<ImportStatus> upload(@RequestParam(name = "file", required = false) MultipartFile file,
                                        Authentication authentication, HttpServletRequest request)
            throws IOException, UnreadableSpreadsheet {
        CurrentUser user = CurrentUser.of(authentication);
        // an import writes: a district office's REVIEWER approves and rejects requests but records nothing itself
        if (user.role() != Role.DISTRICT) {
            throw new ImportForbidden(user.name());
        }
        if (file == null) {
            throw new MissingUpload();
        }
        // on disk, so that the zip is read from a file and the sheet streamed, whatever the upload's size
        Path upload = Files.createTempFile("groundbreak-import-", ".xlsx");
        try {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, upload, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportStatus status = importer.start(user, ExcelTexts.of(request), fileName(file), upload);
            return ResponseEntity.accepted().location(URI.create("/web/imports/" + status.id())).body(status);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    @GetMapping("/web/imports/{id}")
    ImportStatus status(@PathVariable String id, Authentication authentication) {
        return importer.status(id, CurrentUser.of(authentication));
    }

    @GetMapping("/web/imports/{id}/report.xlsx")
    void report(@PathVariable String id, Authentication authentication, HttpServletResponse response)
            throws IOException {
        ImportReport report = importer.report(id, CurrentUser.of(authentication));
        String base = report.fileName().replaceFirst("(?i)\\.xlsx$", "");
        Downloads.xlsx(response, texts.text(report.locale(), "report.title") + "-" + base + ".xlsx", "import-report.xlsx");
        response.setContentLength(report.workbook().length);
        response.getOutputStream().write(report.workbook());
    }

    /** The file's own name without any folder a browser may send. */
    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            return "upload.xlsx";
        }
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }
}
