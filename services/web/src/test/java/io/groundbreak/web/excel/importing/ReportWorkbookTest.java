package io.groundbreak.web.excel.importing;

import static io.groundbreak.web.excel.importing.ImportColumn.ACTION;
import static io.groundbreak.web.excel.importing.ImportColumn.AMOUNT;
import static io.groundbreak.web.excel.importing.ImportColumn.CODE;
import static io.groundbreak.web.excel.importing.ImportColumn.DATE;
import static io.groundbreak.web.excel.importing.ImportColumn.STAGE;
import static io.groundbreak.web.excel.importing.RowParserTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.security.Role;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.excel.Sheets;
import io.groundbreak.web.excel.reading.SheetContent;
import io.groundbreak.web.excel.reading.SheetRow;
import io.groundbreak.web.excel.reading.XlsxSheetReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report workbook: one line per row, and the refused rows handed back in the template's form. */
class ReportWorkbookTest {

    @TempDir
    Path folder;

    private final ExcelTexts texts = new ExcelTexts();

    @Test
    void handsBackTheRefusedRowsAsTheTemplatesSheetReadyToBeCorrectedAndUploaded() throws Exception {
        Path upload = Sheets.write(folder, "june.xlsx", "导入数据", List.of(Sheets.header(),
                line(ACTION, "记录里程碑", CODE, "TJ-1", STAGE, "签约", DATE, LocalDate.of(2024, 3, 1)),
                line(ACTION, "记录里程碑", CODE, "TJ-1", STAGE, "落地", DATE, LocalDate.of(2024, 4, 1), AMOUNT, "一亿"),
                line(ACTION, "记录里程碑", CODE, "TJ-2", STAGE, "在谈", DATE, LocalDate.of(2024, 2, 1), AMOUNT, 1500.5)));
        SheetContent sheet = new XlsxSheetReader(10).read(upload, "导入数据");
        ImportHeader header = ImportHeader.of("导入数据", sheet.rows().get(0), texts, ExcelTexts.CHINESE);
        List<SheetRow> data = sheet.rows().subList(1, 4);
        ImportRun run = new ImportRun("run-1", new CurrentUser("d120116", Role.DISTRICT, Optional.of("120116")),
                ExcelTexts.CHINESE, "june.xlsx", "导入数据", "hash", Instant.parse("2024-06-30T02:00:00Z"),
                new int[] {2, 3, 4}, header, data.toArray(SheetRow[]::new));
        run.answer(0, new RowOutcome(2, "记录里程碑", "TJ-1", Outcome.ACCEPTED, "p1", "e1", 1L, 201, null, "已记录", List.of()));
        run.answer(1, new RowOutcome(3, "记录里程碑", "TJ-1", Outcome.REFUSED, null, null, null, null, null, "金额不对", List.of()));
        run.answer(2, new RowOutcome(4, "记录里程碑", "TJ-2", Outcome.REFUSED, "p2", null, null, 409, "stage-order",
                "「阶段」阶段 TALKS 必须高于项目已记录的最高阶段 SIGNED。", List.of()));
        run.finish(Instant.parse("2024-06-30T02:01:00Z"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ReportWorkbook.write(run, texts, out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getSheetName(0)).isEqualTo("导入报告");
            Sheet report = book.getSheet("导入报告");
            assertThat(report.getRow(7).getCell(1).getStringCellValue())
                    .isEqualTo("新记录 1 行，提交审核 0 行，此前已导入 0 行，未记录 2 行，跳过 0 行，未能确认 0 行");
            assertThat(report.getRow(10).getCell(5).getStringCellValue()).isEqualTo("e1");
            assertThat(report.getRow(12).getCell(4).getStringCellValue()).isEqualTo("「阶段」阶段 TALKS 必须高于项目已记录的最高阶段 SIGNED。");
            Sheet toFix = book.getSheet("导入数据");
            assertThat(toFix.getLastRowNum()).isEqualTo(2);
            assertThat(toFix.getRow(0).getCell(ImportColumn.values().length).getStringCellValue()).isEqualTo("原行号");
            assertThat(toFix.getRow(1).getCell(CODE.ordinal()).getStringCellValue()).isEqualTo("TJ-1");
            assertThat(toFix.getRow(1).getCell(AMOUNT.ordinal()).getStringCellValue()).isEqualTo("一亿");
            assertThat(toFix.getRow(1).getCell(ImportColumn.values().length + 1).getStringCellValue()).isEqualTo("金额不对");
            assertThat(DateUtil.isCellDateFormatted(toFix.getRow(2).getCell(DATE.ordinal()))).isTrue();
            assertThat(toFix.getRow(2).getCell(AMOUNT.ordinal()).getNumericCellValue()).isEqualTo(1500.5);
            assertThat(toFix.getRow(2).getCell(ImportColumn.values().length).getNumericCellValue()).isEqualTo(4);
        }

        // uploaded as it is, the report gives the refused rows again, exactly as they were
        Path report = Files.write(folder.resolve("report.xlsx"), out.toByteArray());
        SheetContent again = new XlsxSheetReader(10).read(report, Importer.DATA_SHEET);
        ImportHeader againHeader = ImportHeader.of(again.sheetName(), again.rows().get(0), texts, ExcelTexts.CHINESE);
        RowParser parser = new RowParser(againHeader, ReferenceData.loadDefault(), "120116", texts, ExcelTexts.CHINESE);
        RowParser original = new RowParser(header, ReferenceData.loadDefault(), "120116", texts, ExcelTexts.CHINESE);
        assertThat(again.rows()).hasSize(3);
        assertThat(((RowWrite) parser.parse(again.rows().get(2))).body())
                .isEqualTo(((RowWrite) original.parse(data.get(2))).body());
        assertThat(parser.parse(again.rows().get(1))).isInstanceOf(RowRefusal.class);
    }
}
