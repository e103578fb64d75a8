package io.groundbreak.bench;

import io.groundbreak.testsupport.http.ProviderSignIn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code excel.import}: a district office's month as a new user would upload it through the web app — half the
 * rows registrations, each followed by its project's first milestone — timed from the upload's first byte until
 * the import's status says FINISHED. It measures whatever the web app's import does (one request per row, or the
 * batch endpoint), as the office waits for it.
 */
final class ExcelImportFigure {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> HEADER = List.of("操作", "项目编号", "项目名称", "所在区", "产业链", "投资方",
            "计划总投资（万元）", "园区", "阶段", "日期", "金额（万元）", "报告期", "累计完成投资（万元）", "原因或备注");

    private final URI web;
    private final CookieManager cookies = ProviderSignIn.cookies();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    ExcelImportFigure(URI web) {
        this.web = web;
    }

    /** Uploads {@code rows} rows (even: registration + first milestone per project) as office {@code d<district>}. */
    Figure measure(String district, int rows, String runId) throws Exception {
        byte[] file = workbook(rows / 2, "X" + runId + "-" + UUID.randomUUID().toString().substring(0, 4));
        logIn("d" + district);
        long started = System.nanoTime();
        String boundary = "bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench-"
                + rows + ".xlsx\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(web.resolve("/web/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("the upload was answered " + accepted.statusCode() + ": " + accepted.body());
        }
        URI status = web.resolve(accepted.headers().firstValue("Location").orElseThrow());
        // the page polls too; 100 ms against a 30 s bound
        JsonNode finished = Awaitility.await("the import finished").atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> JSON.readTree(send(HttpRequest.newBuilder(status)).body()),
                        answer -> "FINISHED".equals(answer.path("state").asString()));
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rows", rows);
        details.put("fileBytes", file.length);
        details.put("rowsPerSecond", rows / seconds);
        details.put("counts", finished.path("counts").toString());
        details.put("workload", "1 office, " + rows / 2 + " registrations each followed by its first milestone (TALKS)");
        if (finished.path("counts").path("accepted").asInt() != rows) {
            details.put("notAllAccepted", true);
        }
        return Figure.secondsBelow("excel.import", String.format(java.util.Locale.ROOT,
                "Excel import of %,d rows through the web app, upload to finished", rows), seconds, 30, details);
    }

    /** Signs in through the identity provider as a browser does; {@code /web/me} issues the CSRF cookie the upload echoes. */
    private void logIn(String user) throws Exception {
        ProviderSignIn.logIn(client, web, user);
        HttpResponse<String> me = send(HttpRequest.newBuilder(web.resolve("/web/me")));
        if (me.statusCode() != 200) {
            throw new IllegalStateException("signed in as " + user + ", /web/me answered " + me.statusCode());
        }
    }

    /** The upload: the template's sheet and columns, {@code projects} registrations each followed by a milestone. */
    static byte[] workbook(int projects, String prefix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            Sheet sheet = book.createSheet("导入数据");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            LocalDate first = LocalDate.of(2024, 1, 1);
            for (int p = 0; p < projects; p++) {
                String code = prefix + "-" + p;
                Row registration = sheet.createRow(1 + 2 * p);
                registration.createCell(0).setCellValue("登记项目");
                registration.createCell(1).setCellValue(code);
                registration.createCell(2).setCellValue("基准导入项目" + p);
                registration.createCell(4).setCellValue("新材料");
                registration.createCell(5).setCellValue("某某投资集团有限公司");
                registration.createCell(6).setCellValue(1000 + p % 5000);
                Row milestone = sheet.createRow(2 + 2 * p);
                milestone.createCell(0).setCellValue("记录里程碑");
                milestone.createCell(1).setCellValue(code);
                milestone.createCell(8).setCellValue("在谈");
                milestone.createCell(9).setCellValue(first.plusDays(p % 300));
                milestone.getCell(9).setCellStyle(date);
            }
            book.write(out);
            book.dispose();
        }
        return out.toByteArray();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }
}
