package io.groundbreak.web.excel.importing;

import static io.groundbreak.web.excel.importing.ImportColumn.ACTION;
import static io.groundbreak.web.excel.importing.ImportColumn.AMOUNT;
import static io.groundbreak.web.excel.importing.ImportColumn.CHAIN;
import static io.groundbreak.web.excel.importing.ImportColumn.CODE;
import static io.groundbreak.web.excel.importing.ImportColumn.CUMULATIVE_COMPLETED;
import static io.groundbreak.web.excel.importing.ImportColumn.DATE;
import static io.groundbreak.web.excel.importing.ImportColumn.DISTRICT;
import static io.groundbreak.web.excel.importing.ImportColumn.INVESTOR;
import static io.groundbreak.web.excel.importing.ImportColumn.NAME;
import static io.groundbreak.web.excel.importing.ImportColumn.PARK;
import static io.groundbreak.web.excel.importing.ImportColumn.PERIOD;
import static io.groundbreak.web.excel.importing.ImportColumn.PLANNED_INVESTMENT;
import static io.groundbreak.web.excel.importing.ImportColumn.PLANNED_LANDED;
import static io.groundbreak.web.excel.importing.ImportColumn.PLANNED_PRODUCING;
import static io.groundbreak.web.excel.importing.ImportColumn.PLANNED_SIGNED;
import static io.groundbreak.web.excel.importing.ImportColumn.PLANNED_STARTED;
import static io.groundbreak.web.excel.importing.ImportColumn.REASON;
import static io.groundbreak.web.excel.importing.ImportColumn.RESPONSIBLE_LEADER;
import static io.groundbreak.web.excel.importing.ImportColumn.RESPONSIBLE_PERSON;
import static io.groundbreak.web.excel.importing.ImportColumn.SOURCE;
import static io.groundbreak.web.excel.importing.ImportColumn.STAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.excel.Formula;
import io.groundbreak.web.excel.Serial;
import io.groundbreak.web.excel.Sheets;
import io.groundbreak.web.excel.reading.SheetContent;
import io.groundbreak.web.excel.reading.XlsxSheetReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows of real POI-written files judged for shape: the bodies they become, and every refusal made before sending. */
class RowParserTest {

    @TempDir
    Path folder;

    private final ExcelTexts texts = new ExcelTexts();

    @Test
    void eachActionBecomesTheApisBodyWithAmountsFromWanToYuan() throws Exception {
        List<ParsedRow> rows = parse(ExcelTexts.CHINESE,
                line(ACTION, "登记项目", CODE, "TJ-BH-2024-001", NAME, "动力电池基地", CHAIN, "新能源", INVESTOR, "某某新能源集团",
                        PLANNED_INVESTMENT, 150000, PARK, "临港经济区"),
                line(ACTION, "记录里程碑", CODE, "TJ-BH-2024-001", STAGE, "签约", DATE, LocalDate.of(2024, 3, 1),
                        AMOUNT, "1,500.5", REASON, "正式签约", NAME, "动力电池基地", DISTRICT, "滨海新区"),
                line(ACTION, "Correction", CODE, "TJ-BH-2024-001", STAGE, "Signed", DATE, "2024-03-05", REASON, "录入有误"),
                line(ACTION, "撤回里程碑", CODE, "TJ-BH-2024-001", STAGE, "LANDED", REASON, "误报"),
                line(ACTION, "暂停", CODE, "TJ-BH-2024-001", DATE, "2024/5/1", REASON, "资金未到位"),
                line(ACTION, "恢复", CODE, "TJ-BH-2024-001", DATE, "2024年6月1日", REASON, "资金到位"),
                line(ACTION, "投资进度", CODE, "TJ-BH-2024-001", PERIOD, "2024-04", CUMULATIVE_COMPLETED, 32000.123456),
                line(ACTION, "投资进度", CODE, "TJ-BH-2024-001", PERIOD, LocalDate.of(2024, 5, 1), CUMULATIVE_COMPLETED, 0),
                line(ACTION, "变更信息", CODE, "TJ-BH-2024-001", INVESTOR, "某某新能源集团有限公司", CHAIN, "automotive",
                        REASON, "投资方更名"),
                line(ACTION, "终止", CODE, 2024001, DATE, LocalDate.of(2024, 7, 1), REASON, "投资方退出"));

        assertThat(rows).allSatisfy(row -> assertThat(row).isInstanceOf(RowWrite.class));
        List<RowWrite> writes = rows.stream().map(RowWrite.class::cast).toList();
        assertThat(writes).extracting(RowWrite::row).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(writes.get(0).body()).containsExactly(Map.entry("projectId", ProjectIds.fromCode("TJ-BH-2024-001")),
                Map.entry("code", "TJ-BH-2024-001"), Map.entry("name", "动力电池基地"), Map.entry("district", "120116"),
                Map.entry("chain", "new-energy"), Map.entry("investor", "某某新能源集团"),
                Map.entry("plannedInvestmentCny", "1500000000.00"), Map.entry("park", "临港经济区"));
        assertThat(writes.get(1).body()).containsExactly(Map.entry("stage", "SIGNED"), Map.entry("effectiveDate", "2024-03-01"),
                Map.entry("amountCny", "15005000.00"), Map.entry("note", "正式签约"));
        assertThat(writes.get(2).pathStage()).isEqualTo("SIGNED");
        assertThat(writes.get(2).body()).containsExactly(Map.entry("effectiveDate", "2024-03-05"), Map.entry("reason", "录入有误"));
        assertThat(writes.get(2).action().path("P", "SIGNED")).isEqualTo("/api/projects/P/milestones/SIGNED/correction");
        assertThat(writes.get(3).action().path("P", writes.get(3).pathStage())).isEqualTo("/api/projects/P/milestones/LANDED/retraction");
        assertThat(writes.get(4).body()).containsEntry("effectiveDate", "2024-05-01");
        assertThat(writes.get(5).body()).containsEntry("effectiveDate", "2024-06-01");
        assertThat(writes.get(6).body()).containsExactly(Map.entry("period", "2024-04"),
                Map.entry("cumulativeCompletedCny", "320001234.56"));
        assertThat(writes.get(7).body()).containsExactly(Map.entry("period", "2024-05"), Map.entry("cumulativeCompletedCny", "0.00"));
        assertThat(writes.get(8).body()).containsExactly(Map.entry("chain", "automotive"),
                Map.entry("investor", "某某新能源集团有限公司"), Map.entry("reason", "投资方更名"));
        assertThat(writes.get(9).code()).as("a code typed as a number keeps its digits").isEqualTo("2024001");
        assertThat(writes.get(9).action().path("P", null)).isEqualTo("/api/projects/P/termination");
    }

    @Test
    void theOptionalColumnsOfSchema11BecomePlannedDatesPersonsAndSourceOfARegistrationOrAmendment() throws Exception {
        List<ParsedRow> rows = parse(ExcelTexts.CHINESE,
                line(ACTION, "登记项目", CODE, "TJ-BH-2025-001", NAME, "动力电池基地", CHAIN, "新能源", INVESTOR, "某某新能源集团",
                        PLANNED_INVESTMENT, 150000, PLANNED_SIGNED, LocalDate.of(2025, 3, 1), PLANNED_LANDED, "2025-06-30",
                        PLANNED_PRODUCING, "2026年12月31日", RESPONSIBLE_PERSON, "张伟", RESPONSIBLE_LEADER, "李明（副区长）",
                        SOURCE, "世界智能大会"),
                line(ACTION, "变更信息", CODE, "TJ-BH-2025-001", PLANNED_STARTED, "2025/9/1", SOURCE, "city-promotion",
                        REASON, "计划调整"),
                line(ACTION, "变更信息", CODE, "TJ-BH-2025-001", RESPONSIBLE_LEADER, "王强", SOURCE, "World Intelligence Expo",
                        REASON, "包联领导调整"),
                line(ACTION, "登记项目", CODE, "TJ-BH-2025-002", NAME, "乙", CHAIN, "新能源", INVESTOR, "丙", PLANNED_INVESTMENT, 1));

        assertThat(rows).allSatisfy(row -> assertThat(row).isInstanceOf(RowWrite.class));
        List<RowWrite> writes = rows.stream().map(RowWrite.class::cast).toList();
        assertThat(writes.get(0).body()).containsEntry("plannedDates",
                        Map.of("signed", "2025-03-01", "landed", "2025-06-30", "producing", "2026-12-31"))
                .containsEntry("responsiblePerson", "张伟").containsEntry("responsibleLeader", "李明（副区长）")
                .containsEntry("source", "world-intelligence-expo");
        assertThat(writes.get(1).body()).containsExactly(Map.entry("plannedDates", Map.of("started", "2025-09-01")),
                Map.entry("source", "city-promotion"), Map.entry("reason", "计划调整"));
        assertThat(writes.get(2).body()).containsExactly(Map.entry("responsibleLeader", "王强"),
                Map.entry("source", "world-intelligence-expo"), Map.entry("reason", "包联领导调整"));
        assertThat(writes.get(3).body()).as("nothing of schema 1.1 when its columns are empty")
                .doesNotContainKeys("plannedDates", "responsiblePerson", "responsibleLeader", "source");
    }

    @Test
    void refusesABadPlannedDateAnUnknownSourceAndTheseColumnsOnOtherActions() throws Exception {
        List<ParsedRow> rows = parse(ExcelTexts.CHINESE,
                line(ACTION, "登记项目", CODE, "TJ-2", NAME, "甲", CHAIN, "新能源", INVESTOR, "乙", PLANNED_INVESTMENT, 1,
                        PLANNED_LANDED, "2025-02-30", PLANNED_STARTED, new Serial(45352), SOURCE, "路演"),
                line(ACTION, "变更信息", CODE, "TJ-2", SOURCE, "朋友介绍", REASON, "补录来源"),
                line(ACTION, "记录里程碑", CODE, "TJ-2", STAGE, "签约", DATE, "2024-03-01", RESPONSIBLE_PERSON, "张伟"));

        assertThat(rows).allSatisfy(row -> assertThat(row).isInstanceOf(RowRefusal.class));
        assertThat(messages(rows.get(0))).containsExactlyInAnyOrder(
                "「计划落地日期」“2025-02-30”不是日期：请填写 YYYY-MM-DD，如 2024-03-01。",
                "「计划开工日期」是数字 45352，不是日期：请把单元格设为日期格式，或填写 YYYY-MM-DD（作为 Excel 日期序号，45352 是 2024-03-01）。",
                "「项目来源」“路演”不是参考数据中的项目来源（" + String.join("、", ReferenceData.loadDefault().sources().stream()
                        .map(source -> source.nameZh()).toList()) + "）。");
        assertThat(((RowRefusal) rows.get(0)).problems()).extracting(CellProblem::field)
                .containsExactlyInAnyOrder("plannedDates.landed", "plannedDates.started", "source");
        assertThat(messages(rows.get(1))).singleElement().asString().startsWith("「项目来源」“朋友介绍”不是参考数据中的项目来源");
        assertThat(((RowRefusal) rows.get(2)).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("责任人");
            assertThat(problem.message()).isEqualTo("操作“记录里程碑”不使用「责任人」：请清空单元格 S4，或改用相应的操作。");
        });
    }

    @Test
    void aSheetOfTheTemplateBeforeSchema11WithoutItsColumnsImportsAsBefore() throws Exception {
        List<List<Object>> all = new ArrayList<>();
        all.add(new ArrayList<>(Sheets.header().subList(0, REASON.ordinal() + 1)));
        all.add(line(ACTION, "登记项目", CODE, "TJ-OLD-1", NAME, "老模板项目", CHAIN, "新能源", INVESTOR, "某集团",
                PLANNED_INVESTMENT, 5000).subList(0, PLANNED_INVESTMENT.ordinal() + 1));
        all.add(line(ACTION, "记录里程碑", CODE, "TJ-OLD-1", STAGE, "签约", DATE, "2024-03-01"));
        Path file = Sheets.write(folder, "old.xlsx", "导入数据", all);
        SheetContent sheet = new XlsxSheetReader(100).read(file, "导入数据");
        ImportHeader header = ImportHeader.of(sheet.sheetName(), sheet.rows().get(0), texts, ExcelTexts.CHINESE);
        RowParser parser = new RowParser(header, ReferenceData.loadDefault(), "120116", texts, ExcelTexts.CHINESE);

        List<ParsedRow> rows = sheet.rows().subList(1, sheet.rows().size()).stream().map(parser::parse).toList();

        assertThat(header.indexOf(SOURCE)).isEqualTo(-1);
        assertThat(rows).allSatisfy(row -> assertThat(row).isInstanceOf(RowWrite.class));
        assertThat(((RowWrite) rows.get(0)).body()).containsOnlyKeys("projectId", "code", "name", "district", "chain",
                "investor", "plannedInvestmentCny");
        // the row's content, and so its Idempotency-Key, is what it was before the optional columns existed
        assertThat(parser.canonical(sheet.rows().get(2))).isEqualTo(String.join("\u001f", "ACTION=TEXT:记录里程碑",
                "CODE=TEXT:TJ-OLD-1", "STAGE=TEXT:签约", "DATE=TEXT:2024-03-01"));
    }

    @Test
    void refusesWhatIsWrongWithARowsShapeNamingTheColumnAndCell() throws Exception {
        List<ParsedRow> rows = parse(ExcelTexts.CHINESE,
                line(CODE, "TJ-1", STAGE, "签约"),
                line(ACTION, "飞行", CODE, "TJ-1"),
                line(ACTION, "记录里程碑", CODE, "TJ-1", STAGE, "签约"),
                line(ACTION, "暂停", CODE, "TJ-1", STAGE, "签约", DATE, "2024-05-01", REASON, "停工"),
                line(ACTION, "登记项目", CODE, "TJ-2", NAME, "甲", CHAIN, "造船", INVESTOR, "乙", PLANNED_INVESTMENT, "一亿",
                        DISTRICT, "浦东新区"),
                line(ACTION, "记录里程碑", CODE, "TJ-1", STAGE, "投产中", DATE, "2024-02-30"),
                line(ACTION, "记录里程碑", CODE, "TJ-1", STAGE, "签约", DATE, new Serial(45352)),
                line(ACTION, "记录里程碑", CODE, "TJ-1", STAGE, "签约", DATE, "3/1/2024", AMOUNT, -5),
                line(ACTION, "投资进度", CODE, "TJ-1", PERIOD, "2024-13", CUMULATIVE_COMPLETED, 1.2345678),
                line(ACTION, "变更信息", CODE, "TJ-1", REASON, "无"),
                line(ACTION, "变更信息", CODE, "TJ-1", DISTRICT, "和平区", NAME, "新名", REASON, "改名"),
                line(ACTION, "恢复", CODE, "TJ-1", DISTRICT, "和平区", DATE, "2024-06-01", REASON, "复工"),
                line(ACTION, "记录里程碑", CODE, new Formula("\"TJ-\"&1"), STAGE, "签约", DATE, "2024-03-01"));

        assertThat(rows).allSatisfy(row -> assertThat(row).isInstanceOf(RowRefusal.class));
        assertThat(messages(rows.get(0))).containsExactly(
                "「操作」必填，可选：登记项目、记录里程碑、更正里程碑、撤回里程碑、暂停、恢复、终止、投资进度、变更信息。");
        assertThat(messages(rows.get(1))).containsExactly(
                "「操作」“飞行”不是可选的操作（登记项目、记录里程碑、更正里程碑、撤回里程碑、暂停、恢复、终止、投资进度、变更信息）。");
        assertThat(messages(rows.get(2))).containsExactly("操作“记录里程碑”须填写「日期」。");
        assertThat(((RowRefusal) rows.get(3)).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("阶段");
            assertThat(problem.cell()).isEqualTo("I5");
            assertThat(problem.message()).isEqualTo("操作“暂停”不使用「阶段」：请清空单元格 I5，或改用相应的操作。");
        });
        assertThat(messages(rows.get(4))).containsExactlyInAnyOrder("「所在区」“浦东新区”不是本市的区。",
                "「产业链」“造船”不是参考数据中的产业链。",
                "「计划总投资（万元）」“一亿”不是以万元计的金额：须为不小于 0 的数字，最多六位小数（即精确到分）。");
        assertThat(messages(rows.get(5))).containsExactlyInAnyOrder("「阶段」“投产中”不是有效阶段（在谈、签约、落地、开工、投产）。",
                "「日期」“2024-02-30”不是日期：请填写 YYYY-MM-DD，如 2024-03-01。");
        assertThat(messages(rows.get(6))).containsExactly(
                "「日期」是数字 45352，不是日期：请把单元格设为日期格式，或填写 YYYY-MM-DD（作为 Excel 日期序号，45352 是 2024-03-01）。");
        assertThat(messages(rows.get(7))).containsExactlyInAnyOrder("「日期」“3/1/2024”不是日期：请填写 YYYY-MM-DD，如 2024-03-01。",
                "「金额（万元）」“-5”不是以万元计的金额：须为不小于 0 的数字，最多六位小数（即精确到分）。");
        assertThat(messages(rows.get(8))).containsExactlyInAnyOrder("「报告期」“2024-13”不是月份：请填写 YYYY-MM，如 2024-03。",
                "「累计完成投资（万元）」“1.2345678”不是以万元计的金额：须为不小于 0 的数字，最多六位小数（即精确到分）。");
        assertThat(messages(rows.get(9))).containsExactly(
                "“变更信息”至少填写一项要变更的内容：项目名称、产业链、投资方、计划总投资、园区、计划日期、责任人、包联领导、项目来源。");
        assertThat(messages(rows.get(10))).containsExactly("项目所在区不能变更：“变更信息”行的「所在区」须为空或本区。");
        assertThat(messages(rows.get(11))).containsExactly("「所在区」为和平区：本账号只能导入本区（滨海新区）的项目。");
        assertThat(messages(rows.get(12))).containsExactly("单元格 B14 是公式（=\"TJ-\"&1）：请直接填写数值（复制后“选择性粘贴—数值”）。");
    }

    @Test
    void refusesTextThatCannotBeKeptNamingTheColumnCellAndCharacter() throws Exception {
        // "_xHHHH_" is how Excel stores such a character in the file; the reader hands back the character itself
        List<ParsedRow> rows = parse(ExcelTexts.CHINESE,
                line(ACTION, "登记项目", CODE, "TJ-BH-2024-009", NAME, "动力电池_x0000_基地", CHAIN, "新能源", INVESTOR, "某某集团",
                        PLANNED_INVESTMENT, 1),
                line(ACTION, "记录里程碑", CODE, "TJ-1", STAGE, "签约", DATE, "2024-03-01", REASON, "正式签约_x0001_"),
                line(ACTION, "登记项目", CODE, "TJ-BH-2024-010", NAME, "甲", CHAIN, "新能源", INVESTOR, "某某_xD800_集团",
                        PLANNED_INVESTMENT, 1),
                line(ACTION, "变更信息", CODE, "TJ-1", NAME, "甲\t乙", REASON, "改名"),
                line(ACTION, "变更信息", CODE, "TJ-1", PARK, "_x001F_", REASON, "改园区"),
                line(ACTION, "记录里程碑_x0002_", CODE, "TJ-1", STAGE, "签约", DATE, "2024-03-01"),
                line(ACTION, "记录里程碑", CODE, "TJ-1", STAGE, "签约", DATE, "2024-03-01", REASON, "第一行\n第二行\t备注\r\n"),
                line(ACTION, "变更信息", CODE, "TJ-1", NAME, "x_xD83D__xDE00_y😀", REASON, "改名"));

        assertThat(rows.subList(0, 6)).allSatisfy(row -> assertThat(row).isInstanceOf(RowRefusal.class));
        assertThat(((RowRefusal) rows.get(0)).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("项目名称");
            assertThat(problem.cell()).isEqualTo("C2");
            assertThat(problem.field()).isEqualTo("name");
            assertThat(problem.message()).isEqualTo("「项目名称」（单元格 C2）第 5 个字符是空字符 U+0000，无法保存：请删除该字符后重新上传。");
        });
        assertThat(messages(rows.get(1))).containsExactly(
                "「原因或备注」（单元格 N3）第 5 个字符是不可见的控制字符 U+0001：请删除该字符后重新上传（只有「原因或备注」可以换行）。");
        assertThat(messages(rows.get(2))).containsExactly(
                "「投资方」（单元格 F4）第 3 个字符是不成对的代理码元 U+D800，不是有效的文字：请重新输入该单元格后再上传。");
        assertThat(messages(rows.get(3))).as("a tab is free text's only").containsExactly(
                "「项目名称」（单元格 C5）第 2 个字符是不可见的控制字符 U+0009：请删除该字符后重新上传（只有「原因或备注」可以换行）。");
        assertThat(messages(rows.get(4))).as("a cell of a control character only is not empty").containsExactly(
                "「园区」（单元格 H6）第 1 个字符是不可见的控制字符 U+001F：请删除该字符后重新上传（只有「原因或备注」可以换行）。");
        assertThat(messages(rows.get(5))).as("said once, not also as an unknown action").containsExactly(
                "「操作」（单元格 A7）第 6 个字符是不可见的控制字符 U+0002：请删除该字符后重新上传（只有「原因或备注」可以换行）。");
        assertThat(rows.get(6)).isInstanceOf(RowWrite.class);
        assertThat(((RowWrite) rows.get(6)).body()).containsEntry("note", "第一行\n第二行\t备注");
        assertThat(rows.get(7)).as("a surrogate pair is one character, not a lone surrogate").isInstanceOf(RowWrite.class);
        assertThat(((RowWrite) rows.get(7)).body()).containsEntry("name", "x😀y😀");
    }

    @Test
    void saysWhichCharacterCannotBeKeptInEnglish() throws Exception {
        ParsedRow row = parse(Locale.ENGLISH, line(ACTION, "Milestone", CODE, "TJ-1", STAGE, "Signed", DATE, "2024-03-01",
                REASON, "ok_x0000_")).get(0);

        assertThat(messages(row)).containsExactly(
                "\"Reason or note\" (cell N2) holds the null character U+0000 at character 3, which cannot be stored: "
                        + "delete it and upload again.");
    }

    @Test
    void aRegistrationForAnotherDistrictIsLeftToMilestoneService() throws Exception {
        ParsedRow row = parse(ExcelTexts.CHINESE, line(ACTION, "登记项目", CODE, "TJ-3", NAME, "甲", DISTRICT, "和平区",
                CHAIN, "新能源", INVESTOR, "乙", PLANNED_INVESTMENT, 1)).get(0);

        assertThat(row).isInstanceOf(RowWrite.class);
        assertThat(((RowWrite) row).body()).containsEntry("district", "120101");
    }

    @Test
    void speaksEnglishWhenAskedTo() throws Exception {
        ParsedRow row = parse(Locale.ENGLISH, line(ACTION, "Milestone", CODE, "TJ-1", STAGE, "Signed", DATE, new Serial(45352))).get(0);

        assertThat(messages(row)).containsExactly("\"Date\" is the number 45352, not a date: format the cell as a date or type "
                + "YYYY-MM-DD (as an Excel serial date, 45352 is 2024-03-01).");
    }

    @Test
    void aRowWithNothingInTheTemplatesColumnsIsEmpty() throws Exception {
        List<Object> notesOnly = Sheets.row((Object[]) new Object[ImportColumn.values().length + 2]);
        notesOnly.set(ImportColumn.values().length + 1, "本行是备注");

        assertThat(parse(ExcelTexts.CHINESE, notesOnly).get(0)).isInstanceOf(EmptyRow.class);
    }

    @Test
    void theKeyOfARowDependsOnTheFileAndTheRowOnly() throws Exception {
        List<ParsedRow> rows = parse(ExcelTexts.CHINESE,
                line(ACTION, "记录里程碑", CODE, "TJ-1", STAGE, "签约", DATE, "2024-03-01"),
                line(ACTION, "记录里程碑", CODE, "TJ-1", STAGE, "签约", DATE, "2024-03-01"),
                line(ACTION, "记录里程碑", CODE, "TJ-1", STAGE, "落地", DATE, "2024-03-01"));
        RowWrite first = (RowWrite) rows.get(0);

        assertThat(Importer.idempotencyKey("hash-a", first)).hasSize(69).startsWith("xlsx-")
                .isEqualTo(Importer.idempotencyKey("hash-a", (RowWrite) rows.get(1)))
                .isNotEqualTo(Importer.idempotencyKey("hash-b", first))
                .isNotEqualTo(Importer.idempotencyKey("hash-a", (RowWrite) rows.get(2)));
    }

    private List<ParsedRow> parse(Locale locale, List<Object>... rows) throws Exception {
        List<List<Object>> all = new ArrayList<>();
        all.add(Sheets.header());
        all.addAll(Arrays.asList(rows));
        Path file = Sheets.write(folder, "rows.xlsx", "导入数据", all);
        SheetContent sheet = new XlsxSheetReader(100).read(file, "导入数据");
        ImportHeader header = ImportHeader.of(sheet.sheetName(), sheet.rows().get(0), texts, locale);
        RowParser parser = new RowParser(header, ReferenceData.loadDefault(), "120116", texts, locale);
        return sheet.rows().subList(1, sheet.rows().size()).stream().map(parser::parse).toList();
    }

    private static List<String> messages(ParsedRow row) {
        return ((RowRefusal) row).problems().stream().map(CellProblem::message).toList();
    }

    /** A row given as column, value, column, value…, in the template's column order. */
    static List<Object> line(Object... columnsAndValues) {
        Object[] values = new Object[ImportColumn.values().length];
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values[((ImportColumn) columnsAndValues[i]).ordinal()] = columnsAndValues[i + 1];
        }
        return Sheets.row(values);
    }
}
