package io.groundbreak.web.excel.writing;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** The headers of an .xlsx download: its media type and its (Chinese) file name, with an ASCII fallback. */
public final class Downloads {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    public static void xlsx(HttpServletResponse response, String fileName, String asciiFileName) {
        response.setContentType(XLSX);
        String utf8 = ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
        // filename= for old clients, filename*= (RFC 6266/5987) for every current browser
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                utf8.replaceFirst("^attachment", "attachment; filename=\"" + asciiFileName + "\""));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
