package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.testsupport.http.ProviderSignIn;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The briefing for the progress meeting (issue 19 item 5) on the running system: a month of 津南区 (120112, this class's
 * own district) with targets, a red project with its responsible person and leader, projects reaching stages, a close
 * and a restatement, downloaded through the web app as .xlsx and PDF by its office and by leaders; every figure of the
 * workbook checked against the services' own answers and against what this test recorded; the PDF's font embedded
 * as a subset and its text Chinese; the role matrix and bad input.
 */
class BriefingIT {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String DISTRICT = "120112";
    private static final String OFFICE = "d" + DISTRICT;
    private static final String CHAIN = "new-energy";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static RunningSystem system;
    /** The month the meeting reviews: last month, which has ended (so it can be closed). */
    private static YearMonth month;
    private static String red;
    private static String moving;
    private static String redName;
    private static String movingName;

    @BeforeAll
    static void aMonthOfTheDistrict() throws Exception {
        system = RunningSystem.get();
        month = YearMonth.now(CITY).minusMonths(1);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        redName = "简报红灯项目智能制造基地" + suffix;
        movingName = "简报进展项目动力电池" + suffix;
        // red on the month's last day: landing was planned for the month's first day and it has only signed
        red = register("TJ-BR-R-" + suffix, redName, """
                ,"plannedDates":{"landed":"%s"},"responsiblePerson":"赵敏","responsibleLeader":"钱立（副区长）\"""".formatted(month.atDay(1)));
        moving = register("TJ-BR-M-" + suffix, movingName, "");
        milestone(red, "TALKS", month.atDay(1));
        milestone(red, "SIGNED", month.atDay(2));
        milestone(moving, "TALKS", month.minusMonths(2).atDay(3));
        milestone(moving, "SIGNED", month.atDay(5));
        milestone(moving, "LANDED", month.atDay(10));
        HttpResponse<String> targets = system.post("admin", "/api/supervision/targets", """
                {"year":%d,"reason":"简报测试目标","targets":[{"district":"%s","chain":"%s","signed":4,"landed":2,"started":2,
                 "producing":1,"plannedInvestmentCny":"12000000000.00"}]}""".formatted(month.getYear(), DISTRICT, CHAIN));
        assertThat(targets.statusCode()).as(targets.body()).isEqualTo(201);
        // everything recorded so far is in the ledger before the close, so that only what follows is a restatement
        awaitLedger(red, 3);
        awaitLedger(moving, 4);
        HttpResponse<String> closed = system.postEmpty(system.audit, OFFICE, "/api/periods/" + month + "/close");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(201);
        // recorded after the close, effective in the month: a restatement
        milestone(moving, "STARTED", month.atDay(20));
        awaitLedger(moving, 5);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(system.read(system.funnel, "leader", "/api/projects/" + moving).path("project").path("stage").path("code").asString())
                    .isEqualTo("STARTED");
            assertThat(system.read(system.funnel, "leader", "/api/supervision/targets?year=" + month.getYear() + "&district="
                    + DISTRICT).path("total").path("figures").path("signed").path("target").asLong(-1)).isEqualTo(4);
        });
    }

    @Test
    void theOfficesWorkbookHoldsTheServicesFiguresAndWhatWasRecorded() throws Exception {
        byte[] workbook = WebSession.logIn(OFFICE).download("/api/briefing/" + month + ".xlsx", XLSX);
        String asOf = month.atEndOfMonth().toString();
        JsonNode targets = system.read(system.funnel, "leader",
                "/api/supervision/targets?year=" + month.getYear() + "&asOf=" + asOf + "&district=" + DISTRICT);
        JsonNode lights = system.read(system.funnel, "leader",
                "/api/supervision/lights?asOf=" + asOf + "&district=" + DISTRICT + "&light=red&size=1000");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo(month + " 月度调度简报 · 津南区");
            // targets against actual: every row as the service answers it, and the recount of what this test recorded
            Sheet counts = book.getSheet("目标完成（项目数）");
            List<Row> rows = tableRows(counts, "维度");
            List<JsonNode> expected = new ArrayList<>();
            expected.add(targets.path("total"));
            targets.path("byDistrict").forEach(expected::add);
            targets.path("byChain").forEach(expected::add);
            assertThat(rows).hasSize(expected.size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode figures = expected.get(i).path("figures");
                int column = 2;
                for (String measure : List.of("signed", "landed", "started", "producing")) {
                    JsonNode figure = figures.path(measure);
                    assertThat(numberOrNull(rows.get(i).getCell(column++))).as(measure + " target, row " + i)
                            .isEqualTo(figure.path("target").isNumber() ? figure.path("target").asDouble() : null);
                    assertThat(numberOrNull(rows.get(i).getCell(column++))).as(measure + " actual, row " + i)
                            .isEqualTo(figure.path("actual").asDouble());
                    assertThat(numberOrNull(rows.get(i).getCell(column++))).as(measure + " percent, row " + i)
                            .isEqualTo(figure.path("percent").isNumber() ? figure.path("percent").asDouble() / 100 : null);
                }
            }
            Row chainRow = rows.stream().filter(row -> row.getCell(1).getStringCellValue().equals("新能源")).findFirst().orElseThrow();
            // recount: this district's only projects are this class's two, both signed in the month, one landed and started
            assertThat(chainRow.getCell(2).getNumericCellValue()).isEqualTo(4);
            assertThat(chainRow.getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(chainRow.getCell(4).getNumericCellValue()).isEqualTo(0.5);
            assertThat(chainRow.getCell(6).getNumericCellValue()).isEqualTo(1);
            assertThat(chainRow.getCell(9).getNumericCellValue()).isEqualTo(1);
            Row investment = tableRows(book.getSheet("目标完成（投资额）"), "维度").get(0);
            assertThat(investment.getCell(2).getNumericCellValue()).isEqualTo(1_200_000.0); // 万元
            assertThat(investment.getCell(3).getNumericCellValue()).as("the two projects' planned investment, signed in the year")
                    .isEqualTo(new java.math.BigDecimal(targets.path("total").path("figures").path("plannedInvestmentCny")
                            .path("actual").asString()).doubleValue() / 10_000).isEqualTo(230_000.0);

            // the red list: the service's red projects, with their responsible person and leader
            List<Row> redRows = tableRows(book.getSheet("红灯清单"), "项目编号");
            List<String> redCodes = new ArrayList<>();
            lights.path("items").forEach(item -> redCodes.add(item.path("code").asString()));
            assertThat(redRows.stream().map(row -> row.getCell(0).getStringCellValue()).toList()).isEqualTo(redCodes);
            Row redRow = redRows.stream().filter(row -> row.getCell(1).getStringCellValue().equals(redName)).findFirst().orElseThrow();
            assertThat(redRow.getCell(7).getStringCellValue()).isEqualTo("赵敏");
            assertThat(redRow.getCell(8).getStringCellValue()).isEqualTo("钱立（副区长）");
            assertThat(redRow.getCell(6).getStringCellValue()).isEqualTo("plannedDatePassed: LANDED planned " + month.atDay(1));
            Row lightTotal = tableRows(book.getSheet("亮灯情况"), "维度").get(0);
            assertThat(lightTotal.getCell(2).getNumericCellValue()).isEqualTo(lights.path("total").path("red").asDouble());
            assertThat(lightTotal.getCell(5).getNumericCellValue()).isEqualTo(lights.path("total").path("total").asDouble());

            // what moved: exactly what this test recorded in the month
            Map<String, TreeSet<String>> moved = new TreeMap<>();
            for (Row row : tableRows(book.getSheet("本月进展"), "本月达到")) {
                moved.computeIfAbsent(row.getCell(0).getStringCellValue(), stage -> new TreeSet<>())
                        .add(row.getCell(2).getStringCellValue());
            }
            assertThat(moved).isEqualTo(Map.of("在谈", new TreeSet<>(List.of(redName)),
                    "签约", new TreeSet<>(List.of(redName, movingName)), "落地", new TreeSet<>(List.of(movingName)),
                    "开工", new TreeSet<>(List.of(movingName))));

            // the close and the restatement recorded after it
            Row close = tableRows(book.getSheet("月度关账"), "所在区").get(0);
            assertThat(close.getCell(1).getStringCellValue()).isEqualTo("已关账");
            assertThat(close.getCell(3).getStringCellValue()).isEqualTo(OFFICE);
            List<Row> restatements = tableRows(book.getSheet("数字重述"), "所在区");
            assertThat(restatements).hasSize(1);
            assertThat(restatements.get(0).getCell(2).getStringCellValue()).isEqualTo(movingName);
            assertThat(restatements.get(0).getCell(4).getStringCellValue()).isEqualTo("开工");
            assertThat(restatements.get(0).getCell(5).getStringCellValue()).isEqualTo(month.atDay(20).toString());
            assertThat(restatements.get(0).getCell(7).getStringCellValue()).isEqualTo(OFFICE);
        }
    }

    @Test
    void thePdfEmbedsItsChineseFontAndHoldsTheTitlesAndProjects() throws Exception {
        WebSession office = WebSession.logIn(OFFICE);
        HttpResponse<byte[]> answer = office.get("/api/briefing/" + month + ".pdf");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(answer.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("groundbreak-briefing-" + month + "-" + DISTRICT + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(answer.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(month + " 月度调度简报 · 津南区", "目标完成情况（项目数，年初至本月末）", "红灯项目清单",
                    "本月进展（本月达到各阶段的项目）", "月度关账情况", "数字重述", redName, movingName, "赵敏", "钱立（副区长）");
            // Written apart from web's BriefingDocumentsTest on purpose: the system tests use no service's test code,
            // and this checks the PDF that the packaged web serves.
            int fonts = 0;
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).isTrue();
                    assertThat(font.getName()).as("a subset").matches("[A-Z]{6}\\+WenQuanYiMicroHei");
                    assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
        }
        assertThat(answer.body().length).as("a subset, not the 5 MB font").isLessThan(1_000_000);

        // a leader's city PDF in English
        try (PDDocument pdf = Loader.loadPDF(WebSession.logIn("leader").download(
                "/api/briefing/" + month + ".pdf?lang=en", "application/pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Monthly briefing " + month + " · City", "Red projects",
                    redName);
        }
    }

    @Test
    void leadersReadAnyScopeAnOfficeItsOwnDistrictOnly() throws Exception {
        WebSession leader = WebSession.logIn("leader");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(leader.download("/api/briefing/" + month + ".xlsx", XLSX)))) {
            // the city: every district's close on the board, this district's restatement among the city's
            assertThat(tableRows(book.getSheet("月度关账"), "所在区")).hasSize(16);
            assertThat(tableRows(book.getSheet("数字重述"), "所在区").stream()
                    .anyMatch(row -> row.getCell(2).getStringCellValue().equals(movingName))).isTrue();
        }
        assertThat(leader.download("/api/briefing/" + month + ".xlsx?district=120103", XLSX)).isNotEmpty();
        assertThat(WebSession.logIn("auditor").download("/api/briefing/" + month + ".pdf?chain=" + CHAIN, "application/pdf"))
                .isNotEmpty();
        assertThat(WebSession.logIn("admin").download("/api/briefing/" + month + ".xlsx?district=" + DISTRICT, XLSX)).isNotEmpty();

        WebSession office = WebSession.logIn(OFFICE);
        assertThat(office.download("/api/briefing/" + month + ".pdf?district=" + DISTRICT, "application/pdf")).isNotEmpty();
        assertProblem(office.get("/api/briefing/" + month + ".xlsx?district=120103"), 403, "forbidden", null);
        assertProblem(office.get("/api/briefing/" + month + ".pdf?chain=" + CHAIN), 403, "forbidden", null);
        assertProblem(WebSession.logIn("d120103").get("/api/briefing/" + month + ".pdf?district=" + DISTRICT), 403,
                "forbidden", null);
    }

    @Test
    void badMonthsAndCodesAreProblemsNeverFiveHundreds() throws Exception {
        WebSession leader = WebSession.logIn("leader");
        YearMonth next = YearMonth.now(CITY).plusMonths(1);
        assertProblem(leader.get("/api/briefing/2025-13.xlsx"), 400, "invalid-request", "month");
        assertProblem(leader.get("/api/briefing/2025-3.pdf"), 400, "invalid-request", "month");
        assertProblem(leader.get("/api/briefing/" + next + ".pdf"), 400, "invalid-request", "month");
        assertProblem(leader.get("/api/briefing/" + month + ".xlsx?district=999999"), 400, "invalid-request", "district");
        assertProblem(leader.get("/api/briefing/" + month + ".xlsx?chain=" + URLEncoder.encode("无此产业链", StandardCharsets.UTF_8)),
                400, "invalid-request", "chain");
        assertProblem(leader.get("/api/briefing/" + month + ".pdf?district=" + DISTRICT + "&chain=" + CHAIN), 400,
                "invalid-request", "chain");
        // not logged in: 401 problem, no login page
        HttpResponse<byte[]> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                system.web.url("/api/briefing/" + month + ".pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private static void assertProblem(HttpResponse<byte[]> answer, int status, String type, String field) {
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(answer.statusCode()).as(body).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = RunningSystem.JSON.readTree(body);
        assertThat(problem.path("type").asString()).isEqualTo("urn:groundbreak:problem:" + type);
        if (field != null) {
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
        }
    }

    /** The rows of a sheet's table: those after its header row (the one starting with this text). */
    private static List<Row> tableRows(Sheet sheet, String headerStart) {
        List<Row> rows = new ArrayList<>();
        boolean table = false;
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (table) {
                rows.add(row);
            } else if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(headerStart)) {
                table = true;
            }
        }
        return rows;
    }

    private static Double numberOrNull(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getNumericCellValue();
    }

    private static String register(String code, String name, String more) throws Exception {
        return system.registerProject(OFFICE, """
                {"code":"%s","name":"%s","district":"%s","chain":"%s","investor":"某集团","plannedInvestmentCny":"%s"%s}
                """.formatted(code, name, DISTRICT, CHAIN, code.contains("-R-") ? "1500000000.00" : "800000000.00", more));
    }

    private static void milestone(String projectId, String stage, LocalDate date) throws Exception {
        HttpResponse<String> answer = system.post(OFFICE, "/api/projects/" + projectId + "/milestones",
                "{\"stage\":\"" + stage + "\",\"effectiveDate\":\"" + date + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    }

    private static void awaitLedger(String projectId, int events) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                system.read(system.audit, "auditor", "/api/audit/projects/" + projectId + "/history").get("events"))
                .hasSize(events));
    }

    /** The web app as a browser uses it: signed in through the identity provider. */
    private static final class WebSession {

        private final HttpClient client = HttpClient.newBuilder().cookieHandler(ProviderSignIn.cookies()).build();

        static WebSession logIn(String user) throws Exception {
            WebSession session = new WebSession();
            ProviderSignIn.logIn(session.client, session.url("/"), user);
            return session;
        }

        byte[] download(String path, String type) throws Exception {
            HttpResponse<byte[]> answer = get(path);
            assertThat(answer.statusCode()).as(path + ": " + new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(type);
            return answer.body();
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        private URI url(String path) {
            return system.web.url(path);
        }
    }
}
