package io.groundbreak.web.excel.template;

import io.groundbreak.reference.Chain;
import io.groundbreak.reference.District;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.reference.Source;
import io.groundbreak.reference.StageInfo;
import io.groundbreak.web.excel.importing.ImportAction;
import io.groundbreak.web.excel.importing.ImportColumn;
import io.groundbreak.web.excel.importing.Importer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The import template: the data sheet with the Chinese headers, drop-down lists for action, district,
 * chain, stage and source (data validation against named ranges of a hidden sheet that holds the reference data,
 * so another city's reference data gives another city's lists), date and text formats where Excel would
 * otherwise turn codes and months into numbers, and a sheet that explains each action.
 */
public final class ImportTemplate {

    /** Rows that carry the drop-downs and formats (the header is row 1). */
    static final int ROWS = 20_000;
    static final String GUIDE_SHEET = "填表说明";
    static final String REFERENCE_SHEET = "参考数据";

    private ImportTemplate() {
    }

    public static void write(ReferenceData reference, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet data = book.createSheet(Importer.DATA_SHEET);
            XSSFSheet guide = book.createSheet(GUIDE_SHEET);
            XSSFSheet lists = book.createSheet(REFERENCE_SHEET);

            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));

            Row headerRow = data.createRow(0);
            for (ImportColumn column : ImportColumn.values()) {
                int index = column.ordinal();
                headerRow.createCell(index).setCellValue(column.chinese());
                headerRow.getCell(index).setCellStyle(header);
                data.setColumnWidth(index, Math.max(12, column.chinese().length() * 2 + 4) * 256);
                switch (column) {
                    case CODE, PERIOD -> data.setDefaultColumnStyle(index, text);
                    case DATE, PLANNED_SIGNED, PLANNED_LANDED, PLANNED_STARTED, PLANNED_PRODUCING ->
                            data.setDefaultColumnStyle(index, date);
                    default -> {
                    }
                }
            }
            data.setColumnWidth(ImportColumn.NAME.ordinal(), 30 * 256);
            data.setColumnWidth(ImportColumn.REASON.ordinal(), 30 * 256);
            data.createFreezePane(0, 1);

            list(book, lists, 0, "操作", "ActionList", ImportAction.chineseLabels());
            list(book, lists, 1, "区", "DistrictList", names(reference.districts(), District::nameZh));
            list(book, lists, 2, "区代码", null, names(reference.districts(), District::code));
            list(book, lists, 3, "产业链", "ChainList", names(reference.chains(), Chain::nameZh));
            list(book, lists, 4, "产业链代码", null, names(reference.chains(), Chain::code));
            list(book, lists, 5, "阶段", "StageList", names(reference.stages(), StageInfo::nameZh));
            list(book, lists, 6, "阶段代码", null, names(reference.stages(), StageInfo::code));
            list(book, lists, 7, "项目来源", "SourceList", names(reference.sources(), Source::nameZh));
            list(book, lists, 8, "项目来源代码", null, names(reference.sources(), Source::code));
            book.setSheetHidden(book.getSheetIndex(lists), true);

            dropDown(data, ImportColumn.ACTION, "ActionList", "操作", "请从下拉列表中选择操作。");
            dropDown(data, ImportColumn.DISTRICT, "DistrictList", "所在区", "登记项目时选择所在区；不填则为本区。");
            dropDown(data, ImportColumn.CHAIN, "ChainList", "产业链", "请从下拉列表中选择产业链。");
            dropDown(data, ImportColumn.STAGE, "StageList", "阶段", "记录、更正、撤回里程碑时选择阶段。");
            if (!reference.sources().isEmpty()) {
                dropDown(data, ImportColumn.SOURCE, "SourceList", "项目来源", "登记项目或变更信息时可选择项目来源（选填）。");
            }

            Guide.write(guide, header, reference);
            book.setActiveSheet(0);
            book.write(out);
        }
    }

    private static <T> List<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).toList();
    }

    /** A column of the hidden sheet and, when named, the named range a drop-down refers to. */
    private static void list(XSSFWorkbook book, XSSFSheet sheet, int column, String title, String rangeName,
                             List<String> values) {
        cell(sheet, 0, column, title);
        for (int i = 0; i < values.size(); i++) {
            cell(sheet, i + 1, column, values.get(i));
        }
        if (rangeName != null) {
            Name name = book.createName();
            name.setNameName(rangeName);
            String letter = CellReference.convertNumToColString(column);
            name.setRefersToFormula("'" + REFERENCE_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (values.size() + 1));
        }
    }

    private static void cell(XSSFSheet sheet, int row, int column, String value) {
        Row line = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        line.createCell(column).setCellValue(value);
    }

    private static void dropDown(XSSFSheet sheet, ImportColumn column, String rangeName, String title, String prompt) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(rangeName),
                new CellRangeAddressList(1, ROWS, column.ordinal(), column.ordinal()));
        // XSSF inverts this flag: true writes showDropDown="0", which is what shows the arrow
        validation.setSuppressDropDownArrow(true);
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox(title, "请从下拉列表中选择。");
        validation.setShowPromptBox(true);
        validation.createPromptBox(title, prompt);
        sheet.addValidationData(validation);
    }
}
