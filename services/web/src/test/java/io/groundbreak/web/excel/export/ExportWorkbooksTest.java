package io.groundbreak.web.excel.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.security.Role;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.config.WebProperties;
import io.groundbreak.web.excel.ExcelTexts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The export workbooks as Excel reads them back: the filters noted above each table, numbers as numbers. */
class ExportWorkbooksTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2024-06-30T02:00:00Z");

    private final ExportContext leader = new ExportContext(new CurrentUser("leader", Role.LEADER, Optional.empty()),
            ExcelTexts.CHINESE, AT, new ExcelTexts(), ReferenceData.loadDefault());

    @Test
    void theDashboardHasASheetPerViewEachNotingItsFilters() throws Exception {
        JsonNode funnel = JSON.readTree("""
                {"asOf":"2024-06-30","stages":[
                 {"stage":"TALKS","reached":4,"current":1,"lost":1,"reachedInvestmentCny":"5000000000.00","currentInvestmentCny":"100000000.00"},
                 {"stage":"SIGNED","reached":3,"current":1,"lost":0,"reachedInvestmentCny":"4900000000.00","currentInvestmentCny":"1000000000.00"},
                 {"stage":"LANDED","reached":2,"current":1,"lost":0,"reachedInvestmentCny":"3900000000.00","currentInvestmentCny":"2000000000.00"},
                 {"stage":"STARTED","reached":1,"current":1,"lost":0,"reachedInvestmentCny":"1900000000.00","currentInvestmentCny":"1900000000.00"},
                 {"stage":"PRODUCING","reached":0,"current":0,"lost":0,"reachedInvestmentCny":"0.00","currentInvestmentCny":"0.00"}],
                 "conversions":[{"from":"TALKS","to":"SIGNED","rate":0.75},{"from":"SIGNED","to":"LANDED","rate":0.6666666666666666},
                  {"from":"LANDED","to":"STARTED","rate":0.5},{"from":"STARTED","to":"PRODUCING","rate":0.0}],
                 "freshness":{"newestEventRecordedAt":"2024-06-30T01:58:00Z","newestEventAppliedAt":"2024-06-30T01:58:01Z",
                  "lag":0,"checkedAt":"2024-06-30T02:00:00Z"}}""");
        JsonNode byDistrict = JSON.readTree("""
                {"asOf":"2024-06-30","by":"district","funnels":[{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai",
                 "stages":[{"stage":"TALKS","reached":4,"current":1,"lost":1,"reachedInvestmentCny":"5000000000.00"},
                  {"stage":"SIGNED","reached":3,"current":1,"lost":0},{"stage":"LANDED","reached":2,"current":1,"lost":0},
                  {"stage":"STARTED","reached":1,"current":1,"lost":0},{"stage":"PRODUCING","reached":0,"current":0,"lost":0}]}],
                 "freshness":{"newestEventRecordedAt":"2024-06-30T01:57:00Z","newestEventAppliedAt":"2024-06-30T01:57:01Z",
                  "lag":3,"checkedAt":"2024-06-30T02:00:01Z"}}""");
        JsonNode trend = JSON.readTree("""
                {"from":"2024-05","to":"2024-06","months":[{"month":"2024-05","stages":[{"stage":"TALKS","reached":2},
                 {"stage":"SIGNED","reached":1},{"stage":"LANDED","reached":0},{"stage":"STARTED","reached":0},{"stage":"PRODUCING","reached":0}]}]}""");
        JsonNode cycleTimes = JSON.readTree("""
                {"asOf":"2024-06-30","cycleTimes":[{"from":"TALKS","to":"SIGNED","count":3,"medianDays":40.5,"p90Days":88.0},
                 {"from":"SIGNED","to":"LANDED","count":0,"medianDays":null,"p90Days":null}]}""");
        List<JsonNode> stalled = List.of(JSON.readTree("""
                {"projectId":"p1","code":"TJ-1","name":"慢项目","district":{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai"},
                 "chain":{"code":"new-energy","nameZh":"新能源","nameEn":"New energy"},"stage":{"code":"SIGNED","nameZh":"签约","nameEn":"Signed"},
                 "stageSince":"2023-06-01","status":"ACTIVE","plannedInvestmentCny":"1500000000.00"}"""), JSON.readTree("""
                {"projectId":"p2","code":"TJ-2","name":"还行","district":{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai"},
                 "chain":{"code":"new-energy","nameZh":"新能源","nameEn":"New energy"},"stage":{"code":"SIGNED","nameZh":"签约","nameEn":"Signed"},
                 "stageSince":"2024-05-01","status":"ACTIVE","plannedInvestmentCny":"100000000.00"}"""));
        JsonNode cohorts = JSON.readTree("""
                {"asOf":"2024-06-30","by":"quarter","from":"2023-Q3","to":"2024-Q2","transitions":[
                 {"from":"TALKS","to":"SIGNED","periods":[{"period":"2023-Q3","projects":4,"within":[
                  {"days":90,"reached":1,"closed":true},{"days":180,"reached":2,"closed":true},{"days":365,"reached":3,"closed":false}],
                  "reached":3,"waiting":0,"lost":1},{"period":"2024-Q2","projects":0,"within":[
                  {"days":90,"reached":0,"closed":false},{"days":180,"reached":0,"closed":false},{"days":365,"reached":0,"closed":false}],
                  "reached":0,"waiting":0,"lost":0}]}]}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new DashboardExport(funnel, byDistrict, byDistrict, trend, cycleTimes, stalled, cohorts, "120116", null,
                new WebProperties.Stalled(null, null), FreshnessNote.leastFresh(List.of(funnel, byDistrict))).write(leader, out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(sheetNames(book)).containsExactly("漏斗", "分区", "分产业链", "月度趋势", "阶段周期", "滞留项目", "分期转化");
            Sheet sheet = book.getSheet("漏斗");
            assertThat(text(sheet, 0)).containsExactly("签约—落地—开工漏斗");
            assertThat(text(sheet, 1)).containsExactly("导出内容", "领导看板");
            assertThat(text(sheet, 2)).containsExactly("截至日期", "2024-06-30");
            assertThat(text(sheet, 3)).containsExactly("区", "滨海新区");
            assertThat(text(sheet, 4)).containsExactly("产业链", "全部产业链");
            assertThat(text(sheet, 5)).containsExactly("导出人", "leader");
            assertThat(text(sheet, 6)).containsExactly("导出时间（北京时间）", "2024-06-30 10:00:00");
            assertThat(text(sheet, 7)).containsExactly("金额单位", "万元");
            // the least fresh of the answers: the older reading and newest event, the larger lag
            assertThat(text(sheet, 8)).containsExactly("数据截至（北京时间）", "2024-06-30 10:00:00（最新事件 2024-06-30 09:57:00）");
            assertThat(text(sheet, 9)).containsExactly("事件计入", "尚有 3 条事件未计入，数字可能不完整");
            assertThat(text(sheet, 11)).startsWith("阶段", "累计达到", "当前处于", "已终止");
            Row talks = sheet.getRow(12);
            assertThat(talks.getCell(0).getStringCellValue()).isEqualTo("在谈");
            assertThat(talks.getCell(1).getNumericCellValue()).isEqualTo(4);
            assertThat(talks.getCell(4).getNumericCellValue()).as("万元").isEqualTo(500000);
            assertThat(talks.getCell(6).getNumericCellValue()).isEqualTo(0.75);
            assertThat(talks.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(sheet.getRow(16).getCell(6)).as("no conversion after the last stage").isNull();

            Sheet stalledSheet = book.getSheet("滞留项目");
            Row first = stalledSheet.getRow(stalledSheet.getLastRowNum());
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("红");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("TJ-1");
            assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(395);
            assertThat(book.getSheet("阶段周期").getRow(book.getSheet("阶段周期").getLastRowNum()).getCell(3)).isNull();
            assertThat(text(book.getSheet("月度趋势"), 9)).containsExactly("事件计入", "尚有 3 条事件未计入，数字可能不完整");
            assertThat(text(book.getSheet("月度趋势"), 10)).containsExactly("趋势月份", "2024-05 – 2024-06");

            Sheet cohortSheet = book.getSheet("分期转化");
            assertThat(text(cohortSheet, 10)).containsExactly("分期", "按季度");
            assertThat(text(cohortSheet, 11)).containsExactly("时期", "2023-Q3 – 2024-Q2");
            assertThat(text(cohortSheet, 13)).startsWith("环节", "达到时期", "项目数", "90天内", "90天内占比");
            Row talksToSigning = cohortSheet.getRow(14);
            assertThat(talksToSigning.getCell(0).getStringCellValue()).isEqualTo("在谈→签约");
            assertThat(talksToSigning.getCell(2).getNumericCellValue()).isEqualTo(4);
            assertThat(talksToSigning.getCell(5).getNumericCellValue()).as("within 180").isEqualTo(2);
            assertThat(talksToSigning.getCell(6).getNumericCellValue()).isEqualTo(0.5);
            assertThat(talksToSigning.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(talksToSigning.getCell(11).getNumericCellValue()).as("lost").isEqualTo(1);
            assertThat(talksToSigning.getCell(12).getStringCellValue()).as("open windows").isEqualTo("365");
            assertThat(cohortSheet.getRow(15).getCell(4)).as("no share of an empty cohort").isNull();
        }
    }

    /** The list behind a target's actual says which stage and year it holds. */
    @Test
    void aProjectListOfATargetsActualNotesTheStageAndYear() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProjectsExport("2025-06-30", "120116", null, null, null, null, null, null, "SIGNED:2025", null, List.of()).write(leader, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(text(book.getSheet("项目清单"), 5)).containsExactly("达到阶段", "2025 达到「签约」");
        }
    }

    /** A cohort cell's list says which cell it is. */
    @Test
    void aProjectListOfACohortCellNotesTheCohortAndTheOutcome() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ProjectsExport("2024-06-30", null, null, null, null, null, "SIGNED:2024-Q1", "WITHIN90", null, null, List.of())
                .write(leader, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheet("项目清单");
            List<List<String>> notes = new ArrayList<>();
            for (int row = 1; row <= 6; row++) {
                notes.add(text(sheet, row));
            }
            assertThat(notes).contains(List.of("分期转化", "2024-Q1 达到「签约」的项目"), List.of("转入下一阶段", "90天内"));
        }
    }

    @Test
    void theLightsListHasEachProjectsLightAndRuleAndTheCountsPerDistrictAndChain() throws Exception {
        JsonNode answer = JSON.readTree("""
                {"asOf":"2025-07-01","total":{"green":0,"amber":0,"red":1,"total":1},
                 "byDistrict":[{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai","green":0,"amber":0,"red":1,"total":1}],
                 "byChain":[{"code":"new-energy","nameZh":"新能源","nameEn":"New energy","green":0,"amber":0,"red":1,"total":1}]}""");
        List<JsonNode> items = List.of(JSON.readTree("""
                {"projectId":"p1","code":"TJ-1","name":"慢项目","district":{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai"},
                 "chain":{"code":"new-energy","nameZh":"新能源","nameEn":"New energy"},"stage":{"code":"SIGNED","nameZh":"签约","nameEn":"Signed"},
                 "stageSince":"2025-03-01","status":"ACTIVE","plannedInvestmentCny":"1500000000.00",
                 "source":{"code":"world-intelligence-expo","nameZh":"世界智能大会","nameEn":"World Intelligence Expo"},
                 "responsiblePerson":"张伟","responsibleLeader":null,
                 "light":{"light":"RED","rule":"PLANNED_DATE_PASSED","plannedDate":"2025-06-30",
                          "detail":"plannedDatePassed: LANDED planned 2025-06-30"}}"""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new LightsExport("2025-07-01", "120116", null, "red", answer, items).write(leader, out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(sheetNames(book)).containsExactly("项目亮灯", "亮灯·分区", "亮灯·分产业链");
            Sheet sheet = book.getSheet("项目亮灯");
            assertThat(text(sheet, 3)).containsExactly("区", "滨海新区");
            assertThat(text(sheet, 5)).containsExactly("灯", "红");
            Row first = sheet.getRow(sheet.getLastRowNum());
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("红");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("TJ-1");
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo("plannedDatePassed: LANDED planned 2025-06-30");
            assertThat(first.getCell(9).getStringCellValue()).isEqualTo("张伟");
            assertThat(first.getCell(10)).isNull();
            assertThat(first.getCell(11).getStringCellValue()).isEqualTo("世界智能大会");
            assertThat(first.getCell(12).getNumericCellValue()).as("万元").isEqualTo(150000);
            Sheet byDistrict = book.getSheet("亮灯·分区");
            Row district = byDistrict.getRow(byDistrict.getLastRowNum());
            assertThat(district.getCell(0).getStringCellValue()).isEqualTo("滨海新区");
            assertThat(district.getCell(3).getNumericCellValue()).isEqualTo(1);
        }
    }

    @Test
    void theTargetsHaveTargetActualAndPercentPerDistrictChainAndCellAndTheirHistory() throws Exception {
        String figures = """
                {"signed":{"target":3,"actual":2,"percent":66.7},"landed":{"target":0,"actual":1,"percent":null},
                 "started":{"target":null,"actual":1,"percent":null},"producing":{"target":1,"actual":0,"percent":0.0},
                 "plannedInvestmentCny":{"target":"12000000000.00","actual":"3000000000.00","percent":25.0},
                 "completedInvestmentCny":{"target":null,"actual":"150000.00","percent":null}}""";
        JsonNode answer = JSON.readTree("""
                {"year":2025,"asOf":"2025-06-30","until":"2025-06-30","total":{"code":null,"nameZh":null,"nameEn":null,"figures":%1$s},
                 "byDistrict":[{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai","figures":%1$s}],
                 "byChain":[{"code":"new-energy","nameZh":"新能源","nameEn":"New energy","figures":%1$s}],
                 "cells":[{"district":{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai"},
                           "chain":{"code":"new-energy","nameZh":"新能源","nameEn":"New energy"},"figures":%1$s}],
                 "freshness":{"newestEventRecordedAt":"2025-06-30T01:58:00Z","newestEventAppliedAt":"2025-06-30T01:58:01Z",
                  "lag":0,"checkedAt":"2025-06-30T02:00:00Z"}}""".formatted(figures));
        JsonNode history = JSON.readTree("""
                {"year":2025,"changes":[{"eventId":"e2","time":"2025-03-01T02:00:00Z","recordedBy":"admin","reason":"年中调整",
                  "district":{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai"},"chain":{"code":"new-energy","nameZh":"新能源","nameEn":"New energy"},
                  "target":{"signed":3,"landed":0,"started":null,"producing":1,"plannedInvestmentCny":12000000000.00,"completedInvestmentCny":null}}]}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new TargetsExport("120116", null, answer, history, FreshnessNote.leastFresh(List.of(answer))).write(leader, out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(sheetNames(book)).containsExactly("目标·分区", "目标·分产业链", "目标·分区分产业链", "目标调整记录");
            Sheet sheet = book.getSheet("目标·分区");
            assertThat(text(sheet, 2)).containsExactly("年度", "2025");
            assertThat(text(sheet, 3)).containsExactly("截至日期", "2025-06-30");
            assertThat(text(sheet, 4)).containsExactly("区", "滨海新区");
            assertThat(text(sheet, 12).subList(0, 4)).containsExactly("区", "签约·目标", "签约·实际", "签约·完成率");
            assertThat(text(sheet, 13).get(0)).isEqualTo("合计");
            Row binhai = sheet.getRow(14);
            assertThat(binhai.getCell(0).getStringCellValue()).isEqualTo("滨海新区");
            assertThat(binhai.getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(binhai.getCell(2).getNumericCellValue()).isEqualTo(2);
            assertThat(binhai.getCell(3).getNumericCellValue() * 100).as("the API's percent").isCloseTo(66.7, within(1e-9));
            assertThat(binhai.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(binhai.getCell(4).getNumericCellValue()).as("a target of 0 is a target").isEqualTo(0);
            assertThat(binhai.getCell(6)).as("no percent of a target 0").isNull();
            assertThat(binhai.getCell(7)).as("no target").isNull();
            assertThat(binhai.getCell(8).getNumericCellValue()).isEqualTo(1);
            assertThat(binhai.getCell(13).getNumericCellValue()).as("万元").isEqualTo(1_200_000);
            assertThat(binhai.getCell(14).getNumericCellValue()).as("万元").isEqualTo(300_000);
            assertThat(binhai.getCell(15).getNumericCellValue() * 100).isCloseTo(25.0, within(1e-9));
            assertThat(binhai.getCell(17).getNumericCellValue()).as("万元").isEqualTo(15);
            assertThat(text(book.getSheet("目标·分产业链"), 14).get(0)).isEqualTo("新能源");
            Row cell = book.getSheet("目标·分区分产业链").getRow(13);
            assertThat(cell.getCell(0).getStringCellValue()).isEqualTo("滨海新区");
            assertThat(cell.getCell(1).getStringCellValue()).isEqualTo("新能源");
            assertThat(cell.getCell(2).getNumericCellValue()).isEqualTo(3);
            Sheet changes = book.getSheet("目标调整记录");
            assertThat(text(changes, 12).subList(0, 6)).containsExactly("记录时间（北京时间）", "记录人", "原因", "区", "产业链", "签约·目标");
            Row change = changes.getRow(13);
            assertThat(text(changes, 13).subList(0, 5)).containsExactly("2025-03-01 10:00:00", "admin", "年中调整", "滨海新区", "新能源");
            assertThat(change.getCell(5).getNumericCellValue()).isEqualTo(3);
            assertThat(change.getCell(7)).as("no target").isNull();
            assertThat(change.getCell(9).getNumericCellValue()).as("万元").isEqualTo(1_200_000);
            assertThat(change.getCell(10)).isNull();
        }
    }

    @Test
    void aHistoryKeepsEachBodyAsStoredBesideItsHashes() throws Exception {
        JsonNode events = JSON.readTree("""
                [{"id":"e0","type":"ProjectRegistered","subject":"p1","sequence":0,"time":"2024-05-07T08:30:00.123Z",
                  "recordedBy":"d120116","prevHash":"0000","hash":"aaaa",
                  "data":{"projectId":"p1","code":"TJ-1","name":"动力电池基地","plannedInvestmentCny":"1500000000.00"}},
                 {"id":"e1","type":"MilestoneRecorded","subject":"p1","sequence":1,"time":"2024-05-08T01:00:00.000Z",
                  "recordedBy":"d120116","prevHash":"aaaa","hash":"bbbb","data":{"projectId":"p1","stage":"SIGNED","effectiveDate":"2024-03-01"}}]""");
        ExportContext auditor = new ExportContext(new CurrentUser("auditor", Role.AUDITOR, Optional.empty()),
                Locale.ENGLISH, AT, new ExcelTexts(), ReferenceData.loadDefault());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        JsonNode unknown = JSON.readTree("""
                {"freshness":{"newestEventRecordedAt":"2024-05-08T01:00:00Z","newestEventAppliedAt":"2024-05-08T01:00:01Z",
                 "lag":null,"checkedAt":"2024-06-30T02:00:00Z"}}""");

        new HistoryExport("p1", events, FreshnessNote.leastFresh(List.of(unknown))).write(auditor, new ServiceReads(null, JSON), out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheet("History");
            assertThat(text(sheet, 2)).containsExactly("Project", "TJ-1 · 动力电池基地 · p1");
            assertThat(text(sheet, 7)).containsExactly("Figures as of (Beijing time)", "2024-06-30 10:00:00 (newest event 2024-05-08 09:00:00)");
            assertThat(text(sheet, 8)).containsExactly("Events counted", "Cannot tell whether events are still waiting: the figures may be incomplete");
            Row signed = sheet.getRow(sheet.getLastRowNum());
            assertThat(signed.getCell(1).getStringCellValue()).isEqualTo("MilestoneRecorded");
            assertThat(signed.getCell(2).getStringCellValue()).isEqualTo("stage: SIGNED · effectiveDate: 2024-03-01");
            assertThat(signed.getCell(4).getStringCellValue()).isEqualTo("2024-05-08 09:00:00");
            assertThat(signed.getCell(5).getStringCellValue()).isEqualTo("2024-05-08T01:00:00.000Z");
            assertThat(signed.getCell(7).getStringCellValue())
                    .isEqualTo("{\"projectId\":\"p1\",\"stage\":\"SIGNED\",\"effectiveDate\":\"2024-03-01\"}");
            assertThat(signed.getCell(8).getStringCellValue()).isEqualTo("aaaa");
            assertThat(signed.getCell(9).getStringCellValue()).isEqualTo("bbbb");
        }
    }

    @Test
    void aClosedMonthHasItsFiguresAsClosedAndNowItsRestatementsAndItsCloses() throws Exception {
        String zeros = """
                {"stage":"%s","reachedInMonth":0,"reached":0,"current":0,"lost":0,"reachedInvestmentCny":"0.00","currentInvestmentCny":"0.00"}""";
        String others = String.join(",", zeros.formatted("SIGNED"), zeros.formatted("LANDED"), zeros.formatted("STARTED"),
                zeros.formatted("PRODUCING"));
        JsonNode report = JSON.readTree("""
                {"period":"2025-03","district":"120118","status":"closed","closedAt":"2025-04-02T02:00:00Z","closedBy":"d120118",
                 "history":[{"district":"120118","period":"2025-03","step":0,"action":"close","at":"2025-04-02T02:00:00Z","by":"d120118","reason":null}],
                 "asClosed":{"stages":[{"stage":"TALKS","reachedInMonth":1,"reached":2,"current":2,"lost":0,
                   "reachedInvestmentCny":"300000000.00","currentInvestmentCny":"300000000.00"},%s],
                   "lostInMonth":0,"investmentReports":1,"completedInvestmentCny":"120000000.00"},
                 "asKnownNow":{"stages":[{"stage":"TALKS","reachedInMonth":2,"reached":3,"current":3,"lost":0,
                   "reachedInvestmentCny":"1000000000.00","currentInvestmentCny":"1000000000.00"},%s],
                   "lostInMonth":0,"investmentReports":1,"completedInvestmentCny":"120000000.00"},
                 "differences":[],
                 "restatements":[{"projectId":"p5","code":"JH-5","name":"晚登记","eventId":"e1","sequence":1,"type":"MilestoneRecorded",
                   "stage":"TALKS","effective":"2025-03-20","recordedAt":"2025-04-03T01:00:00Z","recordedBy":"d120118",
                   "changes":[{"figure":"reachedInMonth","stage":"TALKS","before":"0","after":"1","change":"1"}]}],
                 "freshness":{"newestEventRecordedAt":"2025-04-03T01:00:00Z","newestEventAppliedAt":"2025-04-03T01:00:01Z",
                  "lag":0,"checkedAt":"2025-04-03T02:00:00Z"}}""".formatted(others, others));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new PeriodExport(report, FreshnessNote.leastFresh(List.of(report))).write(leader, out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(sheetNames(book)).containsExactly("本月数字", "数字重述", "关账记录");
            Sheet figures = book.getSheet("本月数字");
            assertThat(text(figures, 2)).containsExactly("月份", "2025-03");
            assertThat(text(figures, 3)).containsExactly("区", "静海区");
            assertThat(text(figures, 4)).containsExactly("关账状态", "2025-04-02 10:00:00 由 d120118 关账");
            int header = 11;
            assertThat(text(figures, header)).containsExactly("阶段", "数字", "关账时", "现在所知", "差异");
            assertThat(text(figures, header + 1)).containsExactly("在谈", "本月达到", "1.0", "2.0", "1.0");
            assertThat(text(figures, header + 5)).containsExactly("在谈", "月末累计达到投资（万元）", "30000.0", "100000.0", "70000.0");
            assertThat(text(figures, header + 31)).containsExactly("本月终止", "0.0", "0.0", "0.0");
            Sheet restatements = book.getSheet("数字重述");
            assertThat(text(restatements, header + 1)).containsExactly("JH-5", "晚登记", "MilestoneRecorded", "在谈", "2025-03-20",
                    "2025-04-03 09:00:00", "d120118", "在谈 · 本月达到 0 → 1", "e1", "p5");
            assertThat(text(book.getSheet("关账记录"), header + 1)).containsExactly("0.0", "关账", "2025-04-02 10:00:00", "d120118");
        }
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        book.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static List<String> text(Sheet sheet, int row) {
        List<String> values = new ArrayList<>();
        for (Cell cell : sheet.getRow(row)) {
            values.add(cell.getCellType() == CellType.NUMERIC ? String.valueOf(cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return values;
    }
}
