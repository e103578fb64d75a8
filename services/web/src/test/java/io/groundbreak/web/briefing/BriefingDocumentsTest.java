package io.groundbreak.web.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.security.Role;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.excel.ExcelTexts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The briefing's workbook and PDF made from answers of the services' shapes (docs/api.md, /work TARGETS contract), read
 * back with POI and PDFBox; and which month, date and scope a request gets. The same documents from a running system:
 * infra/system-tests' BriefingIT.
 */
class BriefingDocumentsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2025-07-02T02:00:00Z");
    private static final ReferenceData REFERENCE = ReferenceData.loadDefault();
    private static final CurrentUser LEADER = new CurrentUser("leader", Role.LEADER, Optional.empty());
    private static final CurrentUser BINHAI = new CurrentUser("d120116", Role.DISTRICT, Optional.of("120116"));
    private static final BriefingFont FONT = new BriefingFont();

    private static final String FRESHNESS = """
            "freshness":{"newestEventRecordedAt":"2025-07-02T01:58:00Z","newestEventAppliedAt":"2025-07-02T01:58:01Z",
              "lag":0,"checkedAt":"2025-07-02T02:00:00Z"}""";

    private static JsonNode figures(int signedTarget, int signed, String plannedTarget, String planned) {
        return JSON.readTree("""
                {"signed":{"target":%d,"actual":%d,"percent":%s},"landed":{"target":null,"actual":1,"percent":null},
                 "started":{"target":2,"actual":0,"percent":0.0},"producing":{"target":0,"actual":0,"percent":null},
                 "plannedInvestmentCny":{"target":"%s","actual":"%s","percent":25.0},
                 "completedInvestmentCny":{"target":null,"actual":"0.00","percent":null}}"""
                .formatted(signedTarget, signed, signedTarget == 0 ? "null" : String.valueOf(Math.round(signed * 1000.0 / signedTarget) / 10.0),
                        plannedTarget, planned));
    }

    static Briefing binhaiJune() {
        String figures = figures(3, 2, "12000000000.00", "3000000000.00").toString();
        JsonNode targets = JSON.readTree("""
                {"year":2025,"asOf":"2025-06-30",
                 "total":{"label":{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai New Area"},"figures":%s},
                 "byDistrict":[{"label":{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai New Area"},"figures":%s}],
                 "byChain":[{"code":"new-energy","nameZh":"新能源","nameEn":"New energy","figures":%s}],
                 "cells":[],%s}""".formatted(figures, figures, figures, FRESHNESS));
        JsonNode lights = JSON.readTree("""
                {"asOf":"2025-06-30","light":"red","page":0,"size":1000,"totalItems":1,"totalPages":1,
                 "items":[{"projectId":"0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90","code":"TJ-BH-2025-008","name":"智能网联汽车测试基地",
                   "district":{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai New Area"},
                   "chain":{"code":"new-energy","nameZh":"新能源","nameEn":"New energy"},
                   "stage":{"code":"SIGNED","nameZh":"签约","nameEn":"Signed"},"stageSince":"2025-03-28","status":"ACTIVE",
                   "plannedInvestmentCny":"800000000.00","source":null,"responsiblePerson":"张伟","responsibleLeader":"李明（副区长）",
                   "light":{"light":"RED","rule":"PLANNED_DATE_PASSED","detail":"plannedDatePassed: LANDED planned 2025-06-30"}}],
                 "total":{"code":null,"green":4,"amber":2,"red":1,"total":7},
                 "byDistrict":[{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai New Area","green":4,"amber":2,"red":1,"total":7}],
                 "byChain":[{"code":"new-energy","nameZh":"新能源","nameEn":"New energy","green":4,"amber":2,"red":1,"total":7}],
                 %s}""".formatted(FRESHNESS));
        JsonNode signedProject = JSON.readTree("""
                {"projectId":"1b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90","code":"TJ-BH-2025-011","name":"动力电池基地",
                 "district":{"code":"120116","nameZh":"滨海新区","nameEn":"Binhai New Area"},
                 "chain":{"code":"new-energy","nameZh":"新能源","nameEn":"New energy"},
                 "stage":{"code":"LANDED","nameZh":"落地","nameEn":"Landed"},"stageSince":"2025-06-20","status":"ACTIVE",
                 "plannedInvestmentCny":"1500000000.00","responsiblePerson":"王芳","responsibleLeader":null,"light":null}""");
        Map<String, List<JsonNode>> moved = new LinkedHashMap<>();
        for (String stage : List.of("TALKS", "SIGNED", "LANDED", "STARTED", "PRODUCING")) {
            moved.put(stage, stage.equals("SIGNED") || stage.equals("LANDED") ? List.of(signedProject) : List.of());
        }
        JsonNode month = JSON.readTree("""
                {"period":"2025-06","district":"120116","status":"closed","closedAt":"2025-07-03T02:00:00.123456Z",
                 "closedBy":"d120116","history":[{"district":"120116","period":"2025-06","step":0,"action":"close",
                   "at":"2025-07-03T02:00:00.123456Z","by":"d120116","reason":null}],
                 "asClosed":{},"asKnownNow":{},"differences":[],
                 "restatements":[{"projectId":"1b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90","code":"TJ-BH-2025-011","name":"动力电池基地",
                   "eventId":"2b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90","sequence":2,"type":"MilestoneRecorded","stage":"LANDED",
                   "effective":"2025-06-20","recordedAt":"2025-07-04T03:00:00Z","recordedBy":"d120116",
                   "changes":[{"figure":"reachedInMonth","stage":"LANDED","before":"0","after":"1","change":"1"},
                              {"figure":"reachedInvestmentCny","stage":"LANDED","before":"0.00","after":"1500000000.00","change":"1500000000.00"}]}],
                 %s}""".formatted(FRESHNESS));
        return new Briefing(new BriefingScope(YearMonth.of(2025, 6), LocalDate.of(2025, 6, 30), "120116", null), targets,
                lights, items(lights.path("items")), moved, null, List.of(month));
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static BriefingSections sections(Briefing briefing, Locale locale) {
        return new BriefingSections(briefing, new BriefingTexts(), locale, REFERENCE, BINHAI, AT);
    }

    @Test
    void thePdfEmbedsTheChineseFontAsASubsetAndHoldsTheTitlesAndProjects() throws Exception {
        BriefingSections sections = sections(binhaiJune(), ExcelTexts.CHINESE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BriefingPdf.write(sections.all(), sections.title(), "第 {0} / {1} 页", "（无）", FONT, out);

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("2025-06 月度调度简报 · 滨海新区", "目标完成情况（项目数，年初至本月末）", "红灯项目清单",
                    "本月进展", "月度关账情况", "数字重述", "智能网联汽车测试基地", "张伟", "李明（副区长）", "动力电池基地",
                    "已关账", "第 1 / ");
            assertEmbeddedSubsets(pdf);
        }
        // a subset: the whole font is 5 MB
        assertThat(out.size()).isLessThan(300_000);
    }

    @Test
    void theEnglishPdfAndASecondDocumentUseTheSameFont() throws Exception {
        for (int i = 0; i < 2; i++) {
            BriefingSections sections = sections(binhaiJune(), Locale.ENGLISH);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BriefingPdf.write(sections.all(), sections.title(), "page {0} of {1}", "(none)", FONT, out);
            try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("Monthly briefing 2025-06 · Binhai New Area",
                        "Red projects", "智能网联汽车测试基地", "page 1 of");
                assertEmbeddedSubsets(pdf);
            }
        }
    }

    static void assertEmbeddedSubsets(PDDocument pdf) throws Exception {
        int fonts = 0;
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                // a subset's name starts with six capitals and "+"
                assertThat(font.getName()).matches("[A-Z]{6}\\+WenQuanYiMicroHei");
                assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                fonts++;
            }
        }
        assertThat(fonts).isPositive();
    }

    @Test
    void theWorkbookHasASheetPerPartWithTheAnswersFigures() throws Exception {
        BriefingSections sections = sections(binhaiJune(), ExcelTexts.CHINESE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BriefingWorkbook.write(sections.all(), out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("概览", "目标完成（项目数）", "目标完成（投资额）", "亮灯情况", "红灯清单", "本月进展",
                    "月度关账", "数字重述");
            Sheet counts = book.getSheet("目标完成（项目数）");
            assertThat(counts.getRow(0).getCell(0).getStringCellValue()).isEqualTo("目标完成情况（项目数，年初至本月末）");
            Row header = rowStartingWith(counts, "维度");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("签约 目标");
            Row total = rowStartingWith(counts, "合计");
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("滨海新区");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(3);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(total.getCell(4).getNumericCellValue()).isEqualTo(0.667);
            assertThat(total.getCell(5)).as("no landed target: empty").isNull();
            // a row's label under label, or its code and names on the row itself
            assertThat(rowStartingWith(counts, "区").getCell(1).getStringCellValue()).isEqualTo("滨海新区");
            assertThat(rowStartingWith(counts, "产业链").getCell(1).getStringCellValue()).isEqualTo("新能源");
            Sheet investment = book.getSheet("目标完成（投资额）");
            Row investmentTotal = rowStartingWith(investment, "合计");
            assertThat(investmentTotal.getCell(2).getNumericCellValue()).isEqualTo(1_200_000.0); // 万元
            assertThat(investmentTotal.getCell(3).getNumericCellValue()).isEqualTo(300_000.0);

            Row red = rowStartingWith(book.getSheet("红灯清单"), "TJ-BH-2025-008");
            assertThat(red.getCell(1).getStringCellValue()).isEqualTo("智能网联汽车测试基地");
            assertThat(red.getCell(7).getStringCellValue()).isEqualTo("张伟");
            assertThat(red.getCell(8).getStringCellValue()).isEqualTo("李明（副区长）");
            Row lights = rowStartingWith(book.getSheet("亮灯情况"), "合计");
            assertThat(List.of(lights.getCell(2).getNumericCellValue(), lights.getCell(3).getNumericCellValue(),
                    lights.getCell(4).getNumericCellValue(), lights.getCell(5).getNumericCellValue())).containsExactly(1.0, 2.0, 4.0, 7.0);
            Sheet moved = book.getSheet("本月进展");
            assertThat(rowsStartingWith(moved, "签约")).hasSize(1);
            assertThat(rowsStartingWith(moved, "落地")).hasSize(1);
            Row restated = rowStartingWith(book.getSheet("数字重述"), "滨海新区");
            assertThat(restated.getCell(8).getStringCellValue())
                    .isEqualTo("落地 · 本月达到 0 → 1；落地 · 月末累计达到投资（万元） 0.00 → 150,000.00");
            Row closed = rowStartingWith(book.getSheet("月度关账"), "滨海新区");
            assertThat(closed.getCell(1).getStringCellValue()).isEqualTo("已关账");
            assertThat(closed.getCell(2).getStringCellValue()).isEqualTo("2025-07-03 10:00:00");
        }
    }

    private static Row rowStartingWith(Sheet sheet, String first) {
        List<Row> rows = rowsStartingWith(sheet, first);
        assertThat(rows).as(sheet.getSheetName() + ": a row starting with " + first).isNotEmpty();
        return rows.get(0);
    }

    private static List<Row> rowsStartingWith(Sheet sheet, String first) {
        List<Row> rows = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).toString().equals(first)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static BriefingController controllerOn(String instant) {
        return new BriefingController(null, new BriefingTexts(), FONT, REFERENCE, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void aPastMonthIsAsOfItsLastDayTheCurrentOneAsOfTodayInTheCity() {
        // 2025-06-30T17:00Z is already July 1st in Asia/Shanghai
        BriefingController controller = controllerOn("2025-06-30T17:00:00Z");
        assertThat(controller.scope("2025-06", null, null, LEADER))
                .isEqualTo(new BriefingScope(YearMonth.of(2025, 6), LocalDate.of(2025, 6, 30), null, null));
        assertThat(controller.scope("2025-07", null, "new-energy", LEADER))
                .isEqualTo(new BriefingScope(YearMonth.of(2025, 7), LocalDate.of(2025, 7, 1), null, "new-energy"));
        assertThat(controller.scope("2024-02", "120101", "", LEADER).asOf()).isEqualTo(LocalDate.of(2024, 2, 29));
        // a district office gets its own district without asking
        assertThat(controller.scope("2025-06", null, null, BINHAI).district()).isEqualTo("120116");
        assertThat(controller.scope("2025-06", "120116", null, BINHAI).district()).isEqualTo("120116");
    }

    @Test
    void badMonthsScopesAndAnotherDistrictAreRefused() {
        BriefingController controller = controllerOn("2025-06-30T17:00:00Z");
        assertRefused(() -> controller.scope("2025-6", null, null, LEADER), HttpStatus.BAD_REQUEST, "month");
        assertRefused(() -> controller.scope("2025-13", null, null, LEADER), HttpStatus.BAD_REQUEST, "month");
        assertRefused(() -> controller.scope("1999-12", null, null, LEADER), HttpStatus.BAD_REQUEST, "month");
        assertRefused(() -> controller.scope("+12025-01", null, null, LEADER), HttpStatus.BAD_REQUEST, "month");
        assertRefused(() -> controller.scope("2025-08", null, null, LEADER), HttpStatus.BAD_REQUEST, "month");
        assertRefused(() -> controller.scope("2025-06", "999999", null, LEADER), HttpStatus.BAD_REQUEST, "district");
        assertRefused(() -> controller.scope("2025-06", null, "no-such-chain", LEADER), HttpStatus.BAD_REQUEST, "chain");
        assertRefused(() -> controller.scope("2025-06", "120116", "new-energy", LEADER), HttpStatus.BAD_REQUEST, "chain");
        assertRefused(() -> controller.scope("2025-06", "120101", null, BINHAI), HttpStatus.FORBIDDEN, "district");
        assertRefused(() -> controller.scope("2025-06", null, "new-energy", BINHAI), HttpStatus.FORBIDDEN, "chain");
    }

    private static void assertRefused(Runnable call, HttpStatus status, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BriefingRefused.class, refused -> {
            assertThat(refused.status()).isEqualTo(status);
            assertThat(refused.field()).isEqualTo(field);
        });
    }
}
