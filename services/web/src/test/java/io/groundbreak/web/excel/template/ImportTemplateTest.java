package io.groundbreak.web.excel.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.reference.Chain;
import io.groundbreak.reference.District;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.reference.Source;
import io.groundbreak.reference.StageInfo;
import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.excel.importing.ImportAction;
import io.groundbreak.web.excel.importing.ImportColumn;
import io.groundbreak.web.excel.reading.CellKind;
import io.groundbreak.web.excel.reading.SheetContent;
import io.groundbreak.web.excel.reading.SheetRow;
import io.groundbreak.web.excel.reading.XlsxSheetReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template as Excel opens it: headers, drop-downs fed by the hidden reference sheet, formats, guide. */
class ImportTemplateTest {

    private static final ReferenceData REFERENCE = ReferenceData.loadDefault();

    @TempDir
    Path folder;

    @Test
    void hasTheChineseHeadersAndDropDownsFromTheReferenceDataOnAHiddenSheet() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
                    .containsExactly("导入数据", "填表说明", "参考数据");
            assertThat(book.isSheetHidden(2)).isTrue();
            XSSFSheet data = book.getSheet("导入数据");
            List<String> headers = new ArrayList<>();
            data.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactlyElementsOf(Arrays.stream(ImportColumn.values()).map(ImportColumn::chinese).toList());

            assertThat(listOf(book, "ActionList")).containsExactlyElementsOf(ImportAction.chineseLabels());
            assertThat(listOf(book, "DistrictList")).containsExactlyElementsOf(names(REFERENCE.districts(), District::nameZh))
                    .contains("滨海新区").hasSize(16);
            assertThat(listOf(book, "ChainList")).containsExactlyElementsOf(names(REFERENCE.chains(), Chain::nameZh));
            assertThat(listOf(book, "StageList")).containsExactly("在谈", "签约", "落地", "开工", "投产")
                    .containsExactlyElementsOf(names(REFERENCE.stages(), StageInfo::nameZh));

            Map<String, XSSFDataValidation> validations = data.getDataValidations().stream().collect(Collectors.toMap(
                    v -> v.getRegions().getCellRangeAddress(0).formatAsString(), v -> (XSSFDataValidation) v));
            assertThat(validations).containsOnlyKeys("A2:A20001", "D2:D20001", "E2:E20001", "I2:I20001", "U2:U20001");
            assertThat(listOf(book, "SourceList")).containsExactlyElementsOf(names(REFERENCE.sources(), Source::nameZh))
                    .contains("世界智能大会");
            assertThat(validations.get("U2:U20001").getValidationConstraint().getFormula1()).isEqualTo("SourceList");
            assertThat(validations.get("I2:I20001").getValidationConstraint().getFormula1()).isEqualTo("StageList");
            assertThat(validations.get("A2:A20001").getValidationConstraint().getValidationType())
                    .isEqualTo(DataValidationConstraint.ValidationType.LIST);
            validations.values().forEach(validation ->
                    assertThat(validation.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP));
            // OOXML's showDropDown="1" hides the arrow, whatever its name says
            assertThat(data.getCTWorksheet().getDataValidations().getDataValidationArray())
                    .allSatisfy(validation -> assertThat(validation.getShowDropDown()).as("the arrow is shown").isFalse());
            assertThat(data.getColumnStyle(ImportColumn.DATE.ordinal()).getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(data.getColumnStyle(ImportColumn.CODE.ordinal()).getDataFormatString()).isEqualTo("@");
            for (ImportColumn planned : List.of(ImportColumn.PLANNED_SIGNED, ImportColumn.PLANNED_LANDED,
                    ImportColumn.PLANNED_STARTED, ImportColumn.PLANNED_PRODUCING)) {
                assertThat(data.getColumnStyle(planned.ordinal()).getDataFormatString()).as(planned.chinese()).isEqualTo("yyyy-mm-dd");
            }
            assertThat(ImportColumn.SOURCE.ordinal()).as("the source's drop-down is column U").isEqualTo(20);
            assertThat(data.getColumnStyle(ImportColumn.PERIOD.ordinal()).getDataFormatString()).isEqualTo("@");
            assertThat(book.getSheet("填表说明").getRow(0).getCell(0).getStringCellValue()).contains("填表说明");
        }
    }

    @Test
    void aFilledInTemplateIsReadAsTyped() throws Exception {
        Path filled = folder.resolve("filled.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template()));
             OutputStream out = Files.newOutputStream(filled)) {
            XSSFSheet data = book.getSheet("导入数据");
            Row row = data.createRow(1);
            row.createCell(ImportColumn.ACTION.ordinal()).setCellValue("记录里程碑");
            row.createCell(ImportColumn.CODE.ordinal()).setCellValue("TJ-1");
            row.createCell(ImportColumn.STAGE.ordinal()).setCellValue("签约");
            // what Excel does when a date is typed into the column: a number with the column's date format
            var date = row.createCell(ImportColumn.DATE.ordinal());
            date.setCellValue(LocalDate.of(2024, 3, 1));
            date.setCellStyle(data.getColumnStyle(ImportColumn.DATE.ordinal()));
            book.write(out);
        }

        SheetContent sheet = new XlsxSheetReader(100).read(filled, "导入数据");

        assertThat(sheet.sheetName()).isEqualTo("导入数据");
        SheetRow row = sheet.rows().get(1);
        assertThat(row.cell(ImportColumn.DATE.ordinal()).orElseThrow().kind()).isEqualTo(CellKind.DATE);
        assertThat(row.cell(ImportColumn.DATE.ordinal()).orElseThrow().date().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(new ExcelTexts()).isNotNull();
    }

    private static byte[] template() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportTemplate.write(REFERENCE, out);
        return out.toByteArray();
    }

    private static List<String> listOf(XSSFWorkbook book, String name) {
        XSSFName named = book.getName(name);
        AreaReference area = new AreaReference(named.getRefersToFormula(), book.getSpreadsheetVersion());
        XSSFSheet sheet = book.getSheet(area.getFirstCell().getSheetName());
        List<String> values = new ArrayList<>();
        for (CellReference cell : area.getAllReferencedCells()) {
            values.add(sheet.getRow(cell.getRow()).getCell(cell.getCol()).getStringCellValue());
        }
        return values;
    }

    private static <T> List<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).toList();
    }
}
