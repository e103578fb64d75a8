package io.groundbreak.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.groundbreak.testsupport.http.ProviderSignIn;
import java.io.ByteArrayInputStream;
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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Excel import across the running system: a district office's realistic monthly file with good rows
 * and a row breaking each rule gets its exact report (every verdict from milestone-service, or from the
 * shape check for what is no date, amount, stage or chain); the same file uploaded again records nothing;
 * the report downloads as .xlsx; leaders and auditors export what they read; 10,000 rows complete.
 * 西青区 (120111) is the realistic file's district, 津南区 (120112) the large one's.
 */
class ExcelImportIT {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String OFFICE = "d120111";
    private static final String DISTRICT = "120111";
    private static final List<String> HEADER = List.of("操作", "项目编号", "项目名称", "所在区", "产业链", "投资方",
            "计划总投资（万元）", "园区", "阶段", "日期", "金额（万元）", "报告期", "累计完成投资（万元）", "原因或备注");

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = RunningSystem.get();
    }

    @Test
    void aMonthsFileIsJudgedRowByRowWithAnExactReportAndUploadingItAgainRecordsNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String a = "XQ-A-" + run;
        String b = "XQ-B-" + run;
        String d = "XQ-D-" + run;
        String other = "XQ-O-" + run;
        String unknown = "XQ-NOPE-" + run;
        LocalDate today = LocalDate.now(CITY);
        YearMonth nextMonth = YearMonth.now(CITY).plusMonths(1);
        // registered before, through the API: one of this district (rows find it by its code), one of another
        String dId = register(OFFICE, DISTRICT, d);
        register("d120118", "120118", other);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.get(system.funnel, OFFICE, "/api/projects/" + dId)
                .statusCode() == 200);

        byte[] file = workbook(Arrays.asList(
                row("登记项目", a, "西青生物医药产业园", "西青区", "生物医药", "某某医药集团", 150000, "西青经济开发区"),
                milestone(a, "在谈", LocalDate.of(2024, 1, 10)),
                row("记录里程碑", a, null, null, null, null, null, null, "签约", LocalDate.of(2024, 3, 1), 150000, null, null, "正式签约"),
                milestone(a, "在谈", LocalDate.of(2024, 4, 1)),
                milestone(a, "落地", LocalDate.of(2024, 2, 1)),
                milestone(a, "落地", today.plusDays(10)),
                row("更正里程碑", a, null, null, null, null, null, null, "签约", LocalDate.of(2024, 3, 5), null, null, null, "签约日期录入有误"),
                row("投资进度", a, null, null, null, null, null, null, null, null, null, "2024-04", 32000),
                null,
                row("登记项目", b, "中药现代化基地", null, "生物医药", "某某药业", 80000),
                milestone(b, "签约", LocalDate.of(2024, 2, 1)),
                row("暂停", b, null, null, null, null, null, null, null, LocalDate.of(2024, 5, 1), null, null, null, "资金未到位"),
                milestone(b, "落地", LocalDate.of(2024, 6, 1)),
                row("恢复", b, null, null, null, null, null, null, null, LocalDate.of(2024, 6, 1), null, null, null, "资金到位"),
                row("终止", b, null, null, null, null, null, null, null, LocalDate.of(2024, 7, 1), null, null, null, "投资方退出"),
                milestone(b, "落地", LocalDate.of(2024, 7, 2)),
                row("登记项目", "XQ-C-" + run, "和平项目", "和平区", "新能源", "乙集团", 1000),
                row("登记项目", a, "西青生物医药产业园（二期）", null, "生物医药", "某某医药集团", 150000),
                row("登记项目", d, "重复编号", null, "生物医药", "丙集团", 1000),
                milestone(d, "在谈", LocalDate.of(2024, 1, 5)),
                row("记录里程碑", a, null, null, null, null, null, null, "落地", LocalDate.of(2024, 4, 1), "一百万"),
                milestone(a, "试产", LocalDate.of(2024, 4, 1)),
                row("登记项目", "XQ-E-" + run, "船舶配套", null, "造船", "丁集团", 100),
                milestone(a, "落地", 45500.0),
                milestone(a, "落地", "2024年4月1日"),
                milestone(a, "开工", "=DATE(2024,5,1)"),
                milestone(unknown, "签约", LocalDate.of(2024, 3, 1)),
                row("撤回里程碑", a, null, null, null, null, null, null, "签约", null, null, null, null, "误报"),
                milestone(other, "签约", LocalDate.of(2024, 3, 1)),
                row("投资进度", a, null, null, null, null, null, null, null, null, null, nextMonth.toString(), 1000),
                row("变更信息", a, null, null, null, "某某医药集团", null, null, null, null, null, null, null, "核对投资方"),
                milestone(a, "开工", "2024-13-01"),
                row("暂停", a, null, null, null, null, null, null, "签约", LocalDate.of(2024, 6, 1), null, null, null, "停工"),
                row("记录里程碑", a, null, "和平区", null, null, null, null, "开工", LocalDate.of(2024, 5, 10))));
        WebSession office = WebSession.logIn(OFFICE);

        JsonNode report = office.importFile("西青区-2024年6月调度.xlsx", file);

        String recorded = "已记录";
        List<String> expected = List.of(
                "2 ACCEPTED " + recorded,
                "3 ACCEPTED " + recorded,
                "4 ACCEPTED " + recorded,
                "5 REFUSED 409 stage-order 「阶段」阶段 TALKS 必须高于项目已记录的最高阶段 SIGNED。",
                "6 REFUSED 422 date-before-highest-stage 「日期」生效日期 2024-02-01 不能早于最高阶段的日期 2024-03-01。",
                "7 REFUSED 422 date-in-future 「日期」生效日期 " + today.plusDays(10) + " 不能晚于今天（" + today + "）。",
                "8 ACCEPTED " + recorded,
                "9 ACCEPTED " + recorded,
                "10 SKIPPED 空行，已跳过。",
                "11 ACCEPTED " + recorded,
                "12 ACCEPTED " + recorded,
                "13 ACCEPTED " + recorded,
                "14 REFUSED 409 project-suspended 项目自 2024-05-01 起暂停，恢复前不能记录新的里程碑或再次暂停。",
                "15 ACCEPTED " + recorded,
                // a termination waits for the district's reviewer (four eyes): until approved the project goes on
                "16 SUBMITTED 已提交审核，经本区审核人批准后生效",
                "17 ACCEPTED " + recorded,
                "18 REFUSED 403 other-district 本区（120111）不能操作其他区（120101）的项目。",
                "19 REFUSED 409 duplicate-code 「项目编号」项目编号 " + a + " 已被使用。",
                "20 REFUSED 409 duplicate-code 「项目编号」项目编号 " + d + " 已被使用。",
                "21 ACCEPTED " + recorded,
                "22 REFUSED 「金额（万元）」“一百万”不是以万元计的金额：须为不小于 0 的数字，最多六位小数（即精确到分）。",
                "23 REFUSED 「阶段」“试产”不是有效阶段（在谈、签约、落地、开工、投产）。",
                "24 REFUSED 「产业链」“造船”不是参考数据中的产业链。",
                "25 REFUSED 「日期」是数字 45500，不是日期：请把单元格设为日期格式，或填写 YYYY-MM-DD（作为 Excel 日期序号，45500 是 2024-07-27）。",
                "26 ACCEPTED " + recorded,
                "27 REFUSED 单元格 J27 是公式（=DATE(2024,5,1)）：请直接填写数值（复制后“选择性粘贴—数值”）。",
                "28 REFUSED 404 unknown-project 项目编号 " + unknown + " 在本区没有登记。",
                "29 REFUSED 409 not-highest-stage 「阶段」只能撤回最高阶段（LANDED），不能撤回 SIGNED。",
                "30 REFUSED 404 unknown-project 项目编号 " + other + " 在本区没有登记。",
                "31 REFUSED 422 period-in-future 「报告期」报告期 " + nextMonth + " 不能晚于本月（" + YearMonth.now(CITY) + "）。",
                "32 REFUSED 409 nothing-to-amend 变更内容与项目现有信息相同，无需变更。",
                "33 REFUSED 「日期」“2024-13-01”不是日期：请填写 YYYY-MM-DD，如 2024-03-01。",
                "34 REFUSED 操作“暂停”不使用「阶段」：请清空单元格 I34，或改用相应的操作。",
                "35 REFUSED 「所在区」为和平区：本账号只能导入本区（西青区）的项目。");
        assertThat(lines(report)).containsExactlyElementsOf(expected);
        assertThat(report.get("counts").toString()).isEqualTo(
                "{\"accepted\":12,\"submitted\":1,\"replayed\":0,\"refused\":20,\"skipped\":1,\"unconfirmed\":0}");
        assertThat(report.get("rows").get(3).get("errors").get(0).get("column").asString()).isEqualTo("阶段");

        String aId = projectId(report, 2);
        String bId = projectId(report, 11);
        assertThat(aId).as("a project registered in the file has the id derived from its code").isEqualTo(projectId(report, 3));
        assertThat(projectId(report, 21)).as("a project registered before is found by its code").isEqualTo(dId);
        List<JsonNode> aHistory = history(aId, 6);
        assertThat(aHistory).extracting(event -> event.get("type").asString()).containsExactly("ProjectRegistered",
                "MilestoneRecorded", "MilestoneRecorded", "MilestoneCorrected", "InvestmentReported", "MilestoneRecorded");
        assertThat(aHistory).extracting(event -> event.get("id").asString()).containsExactly(
                eventId(report, 2), eventId(report, 3), eventId(report, 4), eventId(report, 8), eventId(report, 9),
                eventId(report, 26));
        assertThat(aHistory.get(0).get("data").get("plannedInvestmentCny").asString()).isEqualTo("1500000000.00");
        assertThat(aHistory.get(2).get("data").get("note").asString()).isEqualTo("正式签约");
        assertThat(aHistory.get(4).get("data").get("cumulativeCompletedCny").asString()).isEqualTo("320000000.00");
        assertThat(aHistory.get(5).get("data").get("effectiveDate").asString()).isEqualTo("2024-04-01");
        assertThat(aHistory).allSatisfy(event -> assertThat(event.get("recordedBy").asString()).isEqualTo(OFFICE));
        assertThat(history(bId, 6)).extracting(event -> event.get("type").asString()).containsExactly("ProjectRegistered",
                "MilestoneRecorded", "ProjectSuspended", "ProjectResumed", "ChangeRequested", "MilestoneRecorded");
        assertThat(history(dId, 2)).hasSize(2);

        // the report as a workbook: the same verdicts, row by row
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(office.download(report.get("report").asString())))) {
            Sheet sheet = book.getSheet("导入报告");
            assertThat(text(sheet.getRow(1))).containsExactly("文件", "西青区-2024年6月调度.xlsx");
            assertThat(text(sheet.getRow(9))).startsWith("行号", "操作", "项目编号", "结果", "说明");
            assertThat(text(sheet.getRow(13))).startsWith("5", "记录里程碑", a, "未记录",
                    "「阶段」阶段 TALKS 必须高于项目已记录的最高阶段 SIGNED。");
            assertThat(text(sheet.getRow(10))).startsWith("2", "登记项目", a, "已记录", "已记录", eventId(report, 2));
            assertThat(sheet.getLastRowNum()).isEqualTo(9 + 34);
            Sheet toFix = book.getSheet("导入数据");
            assertThat(toFix.getLastRowNum()).as("the refused rows, handed back to be corrected").isEqualTo(20);
            assertThat(text(toFix.getRow(1))).startsWith("记录里程碑", a).endsWith("5",
                    "「阶段」阶段 TALKS 必须高于项目已记录的最高阶段 SIGNED。");
        }

        // the same file again: each recorded row answers with its first answer, nothing is recorded
        JsonNode again = office.importFile("西青区-2024年6月调度（再次上传）.xlsx", file);

        assertThat(again.get("contentHash").asString()).isEqualTo(report.get("contentHash").asString());
        assertThat(again.get("counts").get("accepted").asInt()).isZero();
        assertThat(again.get("counts").get("replayed").asInt()).isEqualTo(13);
        for (int i = 0; i < report.get("rows").size(); i++) {
            JsonNode first = report.get("rows").get(i);
            JsonNode second = again.get("rows").get(i);
            String outcome = first.get("outcome").asString();
            assertThat(second.get("outcome").asString()).as("row " + first.get("row"))
                    .isEqualTo(List.of("ACCEPTED", "SUBMITTED").contains(outcome) ? "REPLAYED" : outcome);
            assertThat(second.get("eventId").asString(null)).isEqualTo(first.get("eventId").asString(null));
        }
        assertThat(again.get("rows").get(0).get("message").asString()).isEqualTo("此前已导入（本次未重复记录）");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                historySize(aId) == 6 && historySize(bId) == 6 && historySize(dId) == 2);
    }

    @Test
    void leadersExportTheDashboardAndListsWithTheirFiltersAndAuditorsAProjectsHistory() throws Exception {
        // 西青区 × 高端装备 is this test's corner
        String project = register(OFFICE, DISTRICT, "XQ-X-" + UUID.randomUUID().toString().substring(0, 6),
                "high-end-equipment");
        assertThat(system.post(OFFICE, "/api/projects/" + project + "/milestones",
                "{\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-02-01\"}").statusCode()).isEqualTo(201);
        String today = LocalDate.now(CITY).toString();
        String corner = "asOf=" + today + "&district=" + DISTRICT + "&chain=high-end-equipment";
        await().atMost(Duration.ofSeconds(30)).until(() -> system.read(system.funnel, "leader", "/api/funnel?" + corner)
                .get("stages").get(1).get("reached").asLong() == 1);
        JsonNode funnel = system.read(system.funnel, "leader", "/api/funnel?" + corner);

        WebSession leader = WebSession.logIn("leader");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(leader.download(
                "/web/export/dashboard.xlsx?" + corner + "&from=2024-01&to=2024-06")))) {
            assertThat(book.getSheetName(0)).isEqualTo("漏斗");
            Sheet sheet = book.getSheet("漏斗");
            assertThat(text(sheet.getRow(2))).containsExactly("截至日期", today);
            assertThat(text(sheet.getRow(3))).containsExactly("区", "西青区");
            assertThat(text(sheet.getRow(4))).containsExactly("产业链", "高端装备");
            assertThat(text(sheet.getRow(5))).containsExactly("导出人", "leader");
            assertThat(text(sheet.getRow(8))).startsWith("数据截至（北京时间）");
            assertThat(text(sheet.getRow(9))).startsWith("事件计入");
            for (int stage = 0; stage < 5; stage++) {
                JsonNode figures = funnel.get("stages").get(stage);
                Row line = sheet.getRow(12 + stage);
                assertThat((long) line.getCell(1).getNumericCellValue()).isEqualTo(figures.get("reached").asLong());
                assertThat((long) line.getCell(2).getNumericCellValue()).isEqualTo(figures.get("current").asLong());
                assertThat(line.getCell(4).getNumericCellValue() * 10_000)
                        .isEqualTo(Double.parseDouble(figures.get("reachedInvestmentCny").asString()));
            }
            assertThat(text(book.getSheet("月度趋势").getRow(10))).containsExactly("趋势月份", "2024-01 – 2024-06");
            assertThat(book.getSheet("月度趋势").getLastRowNum()).isEqualTo(12 + 6);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(leader.download(
                "/web/export/projects.xlsx?" + corner + "&stage=SIGNED&figure=reached&lang=en")))) {
            Sheet sheet = book.getSheet("Projects");
            assertThat(text(sheet.getRow(5))).containsExactly("Figure", "Reached \"Signed\"");
            Row only = sheet.getRow(sheet.getLastRowNum());
            assertThat(only.getCell(9).getStringCellValue()).isEqualTo(project);
            assertThat(only.getCell(4).getStringCellValue()).isEqualTo("Signed");
        }

        WebSession auditor = WebSession.logIn("auditor");
        List<JsonNode> events = history(project, 2);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(auditor.download(
                "/web/export/history.xlsx?project=" + project)))) {
            Sheet sheet = book.getSheet("项目历史");
            Row signed = sheet.getRow(sheet.getLastRowNum());
            assertThat(signed.getCell(1).getStringCellValue()).isEqualTo("MilestoneRecorded");
            assertThat(signed.getCell(6).getStringCellValue()).isEqualTo(events.get(1).get("id").asString());
            assertThat(signed.getCell(9).getStringCellValue()).isEqualTo(events.get(1).get("hash").asString());
            assertThat(signed.getCell(8).getStringCellValue()).isEqualTo(events.get(0).get("hash").asString());
        }

        // each service's rules hold: a district office reads no history, and its dashboard is its own district's
        HttpResponse<byte[]> refused = WebSession.logIn(OFFICE).get("/web/export/history.xlsx?project=" + project);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(WebSession.logIn("d120112").download(
                "/web/export/dashboard.xlsx?district=" + DISTRICT)))) {
            assertThat(text(book.getSheet("漏斗").getRow(3))).containsExactly("区", "津南区");
        }
    }

    /**
     * Schema 1.1's optional columns (planned dates, responsible person and leader, source by its Chinese name or code)
     * reach the project; a bad planned date, an unknown source and these columns on another action's row are refused
     * row by row; plans out of funnel order are milestone-service's refusal, at the column of the later stage. (The
     * realistic file above is an older template without these columns.)
     */
    @Test
    void theOptionalColumnsOfSchema11ReachTheProjectAndBadValuesAreRefusedRowByRow() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String planned = "XQ-P-" + run;
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(List.of("计划签约日期", "计划落地日期", "Planned start date", "计划投产日期", "责任人", "包联领导", "项目来源"));
        List<Object> register = row("登记项目", planned, "西青智能装备产业园", null, "高端装备", "某某装备集团", 60000);
        register.addAll(Arrays.asList(null, null, null, null, null, null, null, LocalDate.of(2027, 3, 1), "2027-06-30", null, null,
                "张伟", "李明（副区长）", "世界智能大会"));
        List<Object> amend = row("变更信息", planned, null, null, null, null, null, null, null, null, null, null, null, "计划调整",
                null, null, "2027/9/1", null, null, null, "city-promotion");
        List<Object> bad = row("登记项目", "XQ-Q-" + run, "乙项目", null, "高端装备", "乙集团", 100, null, null, null, null, null, null,
                null, null, null, null, "2027-02-30", null, null, "朋友介绍");
        List<Object> unused = row("记录里程碑", planned, null, null, null, null, null, null, "在谈", LocalDate.of(2024, 1, 10), null,
                null, null, null, null, null, null, null, "张伟");
        List<Object> outOfOrder = row("登记项目", "XQ-R-" + run, "丙项目", null, "高端装备", "丙集团", 100, null, null, null, null, null,
                null, null, LocalDate.of(2027, 6, 1), LocalDate.of(2027, 1, 1));

        JsonNode report = WebSession.logIn(OFFICE).importFile("西青区-计划与责任人.xlsx",
                workbook(header, Arrays.asList(register, amend, bad, unused, outOfOrder)));

        List<String> lines = lines(report);
        assertThat(lines.get(0)).isEqualTo("2 ACCEPTED 已记录");
        assertThat(lines.get(1)).isEqualTo("3 ACCEPTED 已记录");
        assertThat(lines.get(2)).isEqualTo("4 REFUSED 「计划投产日期」“2027-02-30”不是日期：请填写 YYYY-MM-DD，如 2024-03-01。 "
                + "「项目来源」“朋友介绍”不是参考数据中的项目来源（世界智能大会、京津冀协同发展、市级招商推介、区自主招商、存量企业增资扩产、以商招商、其他）。");
        assertThat(lines.get(3)).isEqualTo("5 REFUSED 操作“记录里程碑”不使用「责任人」：请清空单元格 S5，或改用相应的操作。");
        assertThat(lines.get(4)).startsWith("6 REFUSED 422 planned-dates-out-of-order 「计划落地日期」");
        String projectId = projectId(report, 2);
        JsonNode project = await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> answer = system.get(system.funnel, OFFICE, "/api/projects/" + projectId);
            return answer.statusCode() == 200 ? RunningSystem.JSON.readTree(answer.body()) : null;
        }, answer -> answer != null && answer.path("project").path("source").path("code").asString("").equals("city-promotion"));
        JsonNode plans = project.get("plannedDates");
        assertThat(List.of(plans.get("signed").asString(), plans.get("landed").asString(), plans.get("started").asString()))
                .containsExactly("2027-03-01", "2027-06-30", "2027-09-01");
        assertThat(plans.get("producing").isNull()).isTrue();
        assertThat(project.get("project").get("responsiblePerson").asString()).isEqualTo("张伟");
        assertThat(project.get("project").get("responsibleLeader").asString()).isEqualTo("李明（副区长）");
    }

    @Test
    void tenThousandRowsComplete() throws Exception {
        // 津南区 (120112): 2,500 projects, each registered, in talks, signed and reporting its investment
        String run = UUID.randomUUID().toString().substring(0, 6);
        int projects = 2_500;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            Sheet sheet = book.createSheet("导入数据");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            write(sheet.createRow(0), new ArrayList<>(HEADER), date);
            int next = 1;
            for (int p = 0; p < projects; p++) {
                String code = "JN-" + run + "-" + p;
                write(sheet.createRow(next++), row("登记项目", code, "津南项目" + p, null, "新材料", "某集团", 1000 + p), date);
                write(sheet.createRow(next++), milestone(code, "在谈", LocalDate.of(2023, 1, 1).plusDays(p % 300)), date);
                write(sheet.createRow(next++), milestone(code, "签约", LocalDate.of(2024, 1, 1).plusDays(p % 100)), date);
                write(sheet.createRow(next++), row("投资进度", code, null, null, null, null, null, null, null, null, null,
                        "2024-05", 100 + p), date);
            }
            book.write(out);
            book.dispose();
        }
        WebSession office = WebSession.logIn("d120112");

        long started = System.nanoTime();
        JsonNode report = office.importFile("津南区-一万行.xlsx", out.toByteArray(), Duration.ofMinutes(20));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.getLogger(ExcelImportIT.class.getName()).log(System.Logger.Level.INFO,
                "10,000 rows ({0} bytes) imported in {1} s", out.size(), seconds);

        assertThat(report.get("total").asInt()).isEqualTo(10_000);
        assertThat(report.get("counts").toString()).isEqualTo(
                "{\"accepted\":10000,\"submitted\":0,\"replayed\":0,\"refused\":0,\"skipped\":0,\"unconfirmed\":0}");
        await().atMost(Duration.ofMinutes(2)).until(() -> system.read(system.funnel, "leader",
                "/api/funnel?district=120112&chain=new-materials").get("stages").get(1).get("reached").asLong() == projects);
    }

    // ---- the file -------------------------------------------------------------------------------------

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static List<Object> milestone(String code, String stage, Object date) {
        return row("记录里程碑", code, null, null, null, null, null, null, stage, date);
    }

    private static byte[] workbook(List<List<Object>> rows) throws IOException {
        return workbook(HEADER, rows);
    }

    private static byte[] workbook(List<String> header, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("导入数据");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            write(sheet.createRow(0), new ArrayList<>(header), date);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) != null) {
                    write(sheet.createRow(i + 1), rows.get(i), date);
                }
            }
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void write(Row row, List<Object> values, CellStyle date) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof String text && text.startsWith("=")) {
                // a formula; its cached result is computed when the file is written
                cell.setCellFormula(text.substring(1));
                cell.setCellStyle(date);
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    // ---- reading the answers --------------------------------------------------------------------------

    /** "row outcome [status problem] message" per row of the report. */
    private static List<String> lines(JsonNode report) {
        List<String> lines = new ArrayList<>();
        for (JsonNode row : report.get("rows")) {
            StringBuilder line = new StringBuilder(row.get("row").asString() + " " + row.get("outcome").asString());
            if (row.get("outcome").asString().equals("ACCEPTED")) {
                assertThat(row.get("eventId").asString()).isNotBlank();
            } else if (row.get("problem").isString()) {
                line.append(' ').append(row.get("status").asInt()).append(' ').append(row.get("problem").asString());
            }
            lines.add(line.append(' ').append(row.get("message").asString()).toString());
        }
        return lines;
    }

    private static JsonNode rowOf(JsonNode report, int number) {
        for (JsonNode row : report.get("rows")) {
            if (row.get("row").asInt() == number) {
                return row;
            }
        }
        throw new AssertionError("no row " + number);
    }

    private static String projectId(JsonNode report, int row) {
        return rowOf(report, row).get("projectId").asString();
    }

    private static String eventId(JsonNode report, int row) {
        return rowOf(report, row).get("eventId").asString();
    }

    private static List<String> text(Row row) {
        List<String> values = new ArrayList<>();
        for (Cell cell : row) {
            values.add(cell.getCellType() == CellType.NUMERIC ? String.valueOf((long) cell.getNumericCellValue())
                    : cell.getStringCellValue());
        }
        return values;
    }

    private static String register(String user, String district, String code) throws Exception {
        return register(user, district, code, "biomedicine");
    }

    private static String register(String user, String district, String code, String chain) throws Exception {
        return system.registerProject(user, """
                {"code":"%s","name":"已登记项目","district":"%s","chain":"%s","investor":"某集团","plannedInvestmentCny":"90000000"}
                """.formatted(code, district, chain));
    }

    private static int historySize(String projectId) throws Exception {
        HttpResponse<String> answer = system.get(system.audit, "auditor", "/api/audit/projects/" + projectId + "/history");
        return answer.statusCode() == 200 ? RunningSystem.JSON.readTree(answer.body()).get("events").size() : 0;
    }

    private static List<JsonNode> history(String projectId, int events) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> historySize(projectId) == events);
        List<JsonNode> all = new ArrayList<>();
        system.read(system.audit, "auditor", "/api/audit/projects/" + projectId + "/history").get("events").forEach(all::add);
        return all;
    }

    /** The web app as a browser uses it: signed in through the identity provider, its CSRF cookie echoed on posts. */
    private static final class WebSession {

        private final CookieManager cookies = ProviderSignIn.cookies();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        static WebSession logIn(String user) throws Exception {
            WebSession session = new WebSession();
            ProviderSignIn.logIn(session.client, session.url("/"), user);
            session.send(HttpRequest.newBuilder(session.url("/web/me")));
            return session;
        }

        JsonNode importFile(String fileName, byte[] content) throws Exception {
            return importFile(fileName, content, Duration.ofMinutes(2));
        }

        /** Uploads, then follows the import until it has finished; answers its final status with every row. */
        JsonNode importFile(String fileName, byte[] content, Duration atMost) throws Exception {
            String boundary = "groundbreak-" + UUID.randomUUID();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> accepted = send(HttpRequest.newBuilder(url("/web/imports"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            return await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() ->
                    RunningSystem.JSON.readTree(send(HttpRequest.newBuilder(url(location))).body()),
                    status -> status.get("state").asString().equals("FINISHED"));
        }

        byte[] download(String path) throws Exception {
            HttpResponse<byte[]> answer = get(path);
            assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
                    .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            return answer.body();
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        private URI url(String path) {
            return system.web.url(path);
        }
    }
}
