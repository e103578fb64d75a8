package io.groundbreak.web.excel;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.testsupport.http.ProviderSignIn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import io.groundbreak.web.Browser;
import io.groundbreak.web.WebAppAlone;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import's and export's refusals over HTTP, with the services unreachable: every file that is no
 * usable sheet gets a 4xx problem+json (never a 5xx) before any service is asked; an oversized upload
 * is 413; only district offices import; a service being down is 503. What the services answer to good
 * rows is tested end to end in infra/system-tests (ExcelImportIT).
 */
class ExcelUploadIT extends WebAppAlone {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    private int port;

    @TempDir
    Path folder;

    @Test
    void theTemplateDownloadsAsAWorkbookWithItsChineseName() throws Exception {
        Session office = new Session().logIn("d120116");
        HttpResponse<byte[]> template = office.client.send(HttpRequest.newBuilder(url("/web/import/template.xlsx")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(XLSX);
        assertThat(template.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"groundbreak-import-template.xlsx\"")
                .contains("filename*=UTF-8''" + URLEncoder.encode("重大项目动态导入模板.xlsx", StandardCharsets.UTF_8));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            assertThat(book.getSheetName(0)).isEqualTo("导入数据");
        }
    }

    @Test
    void aFileThatIsNoUsableSheetGetsAClearProblemNeverA5xx() throws Exception {
        Session office = new Session().logIn("d120116");
        Path xls = folder.resolve("old.xls");
        try (HSSFWorkbook book = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            book.createSheet("导入数据");
            book.write(out);
        }
        List<Object> wrongHeader = Sheets.header();
        wrongHeader.set(9, "生效日期");

        expect(office.upload("data.csv", "操作,项目编号\n".getBytes(StandardCharsets.UTF_8), "zh-CN"), 400, "not-xlsx",
                "上传的文件不是 Excel 工作簿（.xlsx）：请使用下载的模板，在 Excel 或 WPS 中保存为 .xlsx 后上传。");
        expect(office.upload("empty.xlsx", new byte[0], null), 400, "not-xlsx", null);
        expect(office.upload("old.xls", Files.readAllBytes(xls), null), 400, "legacy-xls",
                "这是 Excel 97-2003 格式（.xls）的文件：请在 Excel 或 WPS 中“另存为” .xlsx 后再上传。");
        JsonNode headers = expect(office.upload("headers.xlsx", xlsx(List.of(wrongHeader, Sheets.row("登记项目"))), null),
                422, "wrong-headers", "工作表“导入数据”的第 1 行不是导入模板的表头：请下载最新模板，把数据粘贴进去后再上传。");
        assertThat(headers.get("errors")).hasSize(1);
        assertThat(headers.get("errors").get(0).get("field").asString()).isEqualTo("日期");
        assertThat(headers.get("errors").get(0).get("message").asString()).isEqualTo("缺少「日期」列");
        JsonNode merged = expect(office.upload("merged.xlsx", xlsx(List.of(Sheets.header(), Sheets.row("记录里程碑", "TJ-1"),
                Sheets.row("记录里程碑")), new CellRangeAddress(1, 2, 1, 1)), null), 422, "merged-cells",
                "工作表“导入数据”中有合并单元格（B2:B3）：请取消合并，并在每一行填写完整后再上传。");
        assertThat(merged.get("errors").get(0).get("field").asString()).isEqualTo("B2:B3");
        expect(office.upload("header-only.xlsx", xlsx(List.of(Sheets.header())), null), 422, "no-rows",
                "工作表“导入数据”在表头下面没有数据行。");
        expect(office.upload("english.csv", "a,b".getBytes(StandardCharsets.UTF_8), "en"), 400, "not-xlsx",
                "The file is not an Excel workbook (.xlsx): use the template and save it as .xlsx in Excel or WPS.");
        expect(office.send(HttpRequest.newBuilder(url("/web/imports"))
                .header("X-XSRF-TOKEN", office.cookie("XSRF-TOKEN"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 400, "missing-file", "请选择要上传的 .xlsx 文件（表单字段 file）。");
    }

    @Test
    void anUploadOverTheLimitIs413AsProblemJson() throws Exception {
        Session office = new Session().logIn("d120116");
        byte[] big = new byte[22 * 1024 * 1024];

        expect(office.upload("big.xlsx", big, null), 413, "upload-too-large", "文件超过 20 MB：请拆分后分批上传。");
    }

    @Test
    void onlyDistrictOfficesImportAndAServiceBeingDownIs503() throws Exception {
        byte[] good = xlsx(List.of(Sheets.header(), Sheets.row("记录里程碑", "TJ-1", null, null, null, null, null, null,
                "签约", "2024-03-01")));
        expect(new Session().logIn("leader").upload("good.xlsx", good, null), 403, "import-for-district-offices",
                "只有区招商部门的账号可以导入，且只导入本区的项目。");
        expect(new Session().logIn("r120116").upload("good.xlsx", good, null), 403, "import-for-district-offices",
                "只有区招商部门的账号可以导入，且只导入本区的项目。");
        Session office = new Session().logIn("d120116");
        expect(office.upload("good.xlsx", good, null), 503, "service-unavailable", "后台服务暂时无法访问，请稍后重试。");
        expect(office.send(HttpRequest.newBuilder(url("/web/imports/" + UUID.randomUUID()))), 404, "unknown-import", null);
        HttpResponse<String> withoutToken = office.send(HttpRequest.newBuilder(url("/web/imports"))
                .header("Content-Type", "multipart/form-data; boundary=x").POST(HttpRequest.BodyPublishers.ofString("--x--")));
        assertThat(withoutToken.statusCode()).as("CSRF").isEqualTo(403);
        expect(new Session().logIn("leader").send(HttpRequest.newBuilder(url("/web/export/dashboard.xlsx"))), 503,
                "service-unavailable", null);
    }

    /** The monthly briefing (io.groundbreak.web.briefing) judges its month and scope before asking any service. */
    @Test
    void theBriefingRefusesBadInputBeforeAnyServiceAndIs503WhileTheyAreDown() throws Exception {
        Session leader = new Session().logIn("leader");
        expect(leader.send(HttpRequest.newBuilder(url("/api/briefing/2025-13.xlsx"))), 400, "invalid-request", null);
        expect(leader.send(HttpRequest.newBuilder(url("/api/briefing/2999-01.pdf"))), 400, "invalid-request", null);
        expect(leader.send(HttpRequest.newBuilder(url("/api/briefing/2025-06.pdf?district=120116&chain=new-energy"))), 400,
                "invalid-request", "区与产业链只能选一个：简报按全市、一个区或一条产业链出具。");
        expect(new Session().logIn("d120116").send(HttpRequest.newBuilder(url("/api/briefing/2025-06.pdf?district=120101"))),
                403, "forbidden", "区招商部门只能下载本区的简报。");
        expect(leader.send(HttpRequest.newBuilder(url("/api/briefing/2025-06.xlsx?chain=new-energy"))), 503,
                "service-unavailable", "后台服务暂时无法访问，请稍后重试。");
        expect(leader.send(HttpRequest.newBuilder(url("/api/briefing/2025-06.pdf")).header("Accept-Language", "en")), 503,
                "service-unavailable", "A Groundbreak service does not answer right now; try again shortly.");
    }

    private static JsonNode expect(HttpResponse<String> answer, int status, String code, String detail) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:groundbreak:problem:" + code);
        if (detail != null) {
            assertThat(problem.get("detail").asString()).isEqualTo(detail);
        }
        return problem;
    }

    private byte[] xlsx(List<List<Object>> rows, CellRangeAddress... merged) throws IOException {
        return Files.readAllBytes(Sheets.write(folder, UUID.randomUUID() + ".xlsx", "导入数据", rows, merged));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A browser-like client: its own cookies, logged in through the form, echoing the CSRF cookie on posts. */
    private final class Session {

        private final CookieManager cookies = ProviderSignIn.cookies();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        Session logIn(String user) throws IOException, InterruptedException {
            ProviderSignIn.logIn(client, url("/"), user);
            send(HttpRequest.newBuilder(url("/web/me")));
            return this;
        }

        HttpResponse<String> upload(String fileName, byte[] content, String language) throws IOException, InterruptedException {
            String boundary = "groundbreak-" + UUID.randomUUID();
            HttpRequest.Builder request = HttpRequest.newBuilder(url("/web/imports"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Browser.xlsxForm(boundary, fileName, content)));
            if (language != null) {
                request.header("Accept-Language", language);
            }
            return send(request);
        }
    }
}
