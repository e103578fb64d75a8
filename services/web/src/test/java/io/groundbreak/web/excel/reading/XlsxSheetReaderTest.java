package io.groundbreak.web.excel.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundbreak.web.excel.Formula;
import io.groundbreak.web.excel.Serial;
import io.groundbreak.web.excel.Sheets;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSheetReaderTest {

    @TempDir
    Path folder;

    private final XlsxSheetReader reader = new XlsxSheetReader(1_000);

    @Test
    void readsEachCellAsStoredTextNumbersDatesFormulasAndBooleans() throws Exception {
        Path file = Sheets.write(folder, "cells.xlsx", "导入数据", List.of(
                Sheets.row("文字", 1500.25, LocalDate.of(2024, 3, 1), new Formula("B1*2"), true, new Serial(45352),
                        "  ", 2024001)));

        SheetContent sheet = reader.read(file, "导入数据");

        assertThat(sheet.sheetName()).isEqualTo("导入数据");
        SheetRow row = sheet.rows().get(0);
        assertThat(row.number()).isEqualTo(1);
        assertThat(row.cell(0).orElseThrow()).extracting(SheetCell::kind, SheetCell::raw).containsExactly(CellKind.TEXT, "文字");
        assertThat(row.cell(1).orElseThrow()).extracting(SheetCell::kind, SheetCell::raw).containsExactly(CellKind.NUMBER, "1500.25");
        SheetCell date = row.cell(2).orElseThrow();
        assertThat(date.kind()).isEqualTo(CellKind.DATE);
        assertThat(date.date()).isEqualTo(LocalDateTime.of(2024, 3, 1, 0, 0));
        SheetCell formula = row.cell(3).orElseThrow();
        assertThat(formula.isFormula()).isTrue();
        assertThat(formula.formula()).isEqualTo("B1*2");
        assertThat(formula.raw()).isEqualTo("3000.5");
        assertThat(row.cell(4).orElseThrow()).extracting(SheetCell::kind, SheetCell::raw).containsExactly(CellKind.BOOLEAN, "TRUE");
        assertThat(row.cell(5).orElseThrow()).extracting(SheetCell::kind, SheetCell::raw).containsExactly(CellKind.NUMBER, "45352.0");
        assertThat(row.cell(6)).as("a blank text cell is no cell").isEmpty();
        assertThat(row.cell(7).orElseThrow().reference()).isEqualTo("H1");
    }

    @Test
    void readsInlineStringsAsTheStreamingWriterStoresThem() throws Exception {
        Path file = folder.resolve("streamed.xlsx");
        try (SXSSFWorkbook book = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            book.createSheet("导入数据").createRow(0).createCell(2).setCellValue("登记项目");
            book.write(out);
            book.dispose();
        }

        SheetCell cell = reader.read(file, "导入数据").rows().get(0).cells().get(0);

        assertThat(cell.kind()).isEqualTo(CellKind.TEXT);
        assertThat(cell.raw()).isEqualTo("登记项目");
        assertThat(cell.reference()).isEqualTo("C1");
    }

    @Test
    void controlCharactersReadAsExcelStoresThemAndPoiCannotWriteThemAtAll() throws Exception {
        // Excel stores U+0000, the other C0 controls (tab and line breaks aside) and lone surrogates as _xHHHH_
        // escapes; POI writes a typed "_x0001_" as it is, so these are the very bytes Excel writes for those
        // characters. A literal "_x0001_" is stored by Excel as "_x005F_x0001_".
        Path file = Sheets.write(folder, "controls.xlsx", "导入数据", List.of(Sheets.row("a_x0000_b", "a_x0001_b",
                "a_xD800_b", "a_x005F_x0001_b", "第一行\n第二行\t备注", "_x001F_", "\u0001", "\u0000b", "x_xD83D__xDE00_y")));

        SheetRow row = reader.read(file, "导入数据").rows().get(0);

        assertThat(row.cell(0).orElseThrow().raw()).isEqualTo("a\u0000b");
        assertThat(row.cell(1).orElseThrow().raw()).isEqualTo("a\u0001b");
        assertThat(row.cell(2).orElseThrow().raw()).isEqualTo("a\uD800b");
        assertThat(row.cell(3).orElseThrow().raw()).isEqualTo("a_x0001_b");
        assertThat(row.cell(4).orElseThrow().raw()).isEqualTo("第一行\n第二行\t备注");
        assertThat(row.cell(5)).as("a cell of a control character only is not blank").hasValueSatisfying(
                cell -> assertThat(cell.raw()).isEqualTo("\u001F"));
        assertThat(row.cell(6).orElseThrow().raw()).as("POI (XmlBeans) writes a raw U+0001 as '?'").isEqualTo("?");
        assertThat(row.cell(7).orElseThrow().raw()).as("and a raw U+0000 as '?' too").isEqualTo("?b");
        assertThat(row.cell(8).orElseThrow().raw()).as("a surrogate pair is one character").isEqualTo("x\uD83D\uDE00y");
    }

    @Test
    void decodesInlineStringsLikeSharedStrings() throws Exception {
        Path file = folder.resolve("streamed-controls.xlsx");
        try (SXSSFWorkbook book = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            org.apache.poi.ss.usermodel.Row first = book.createSheet("导入数据").createRow(0);
            first.createCell(0).setCellValue("a_x0000_b");
            first.createCell(1).setCellValue("a_x005F_x0001_b");
            first.createCell(2).setCellValue("a\u0001b");
            book.write(out);
            book.dispose();
        }

        SheetRow row = reader.read(file, "导入数据").rows().get(0);

        assertThat(row.cell(0).orElseThrow().raw()).isEqualTo("a\u0000b");
        assertThat(row.cell(1).orElseThrow().raw()).isEqualTo("a_x0001_b");
        assertThat(row.cell(2).orElseThrow().raw()).as("the streaming writer also writes '?'").isEqualTo("a?b");
    }

    @Test
    void keepsRowNumbersAndLeavesOutBlankRows() throws Exception {
        Path file = Sheets.write(folder, "gaps.xlsx", "导入数据", java.util.Arrays.asList(
                Sheets.row("a"), null, Sheets.row(null, "   "), Sheets.row(null, null, "c")));

        assertThat(reader.read(file, "x").rows()).extracting(SheetRow::number).containsExactly(1, 4);
    }

    @Test
    void namesMergedRanges() throws Exception {
        Path file = Sheets.write(folder, "merged.xlsx", "导入数据", List.of(Sheets.row("a", "b"), Sheets.row("c")),
                new CellRangeAddress(0, 1, 1, 1));

        assertThat(reader.read(file, "导入数据").mergedRanges()).containsExactly("B1:B2");
    }

    @Test
    void readsTheNamedSheetElseTheFirst() throws Exception {
        Path file = folder.resolve("two.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             OutputStream out = Files.newOutputStream(file)) {
            Sheets.fill(book, book.createSheet("说明"), List.of(Sheets.row("notes")));
            Sheets.fill(book, book.createSheet("导入数据"), List.of(Sheets.row("data")));
            book.write(out);
        }

        assertThat(reader.read(file, "导入数据").rows().get(0).cells().get(0).raw()).isEqualTo("data");
        assertThat(reader.read(file, "Sheet9").rows().get(0).cells().get(0).raw()).isEqualTo("notes");
    }

    @Test
    void saysWhatAFileIsWhenItIsNoXlsx() throws Exception {
        Path csv = Files.writeString(folder.resolve("data.xlsx"), "操作,项目编号\n登记项目,TJ-1\n", StandardCharsets.UTF_8);
        Path empty = Files.write(folder.resolve("empty.xlsx"), new byte[0]);
        Path xls = folder.resolve("old.xls");
        try (HSSFWorkbook book = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            book.createSheet("导入数据").createRow(0).createCell(0).setCellValue("操作");
            book.write(out);
        }
        Path zip = folder.resolve("other.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        assertThatThrownBy(() -> reader.read(csv, "导入数据")).isInstanceOf(UnreadableSpreadsheet.class)
                .extracting(e -> ((UnreadableSpreadsheet) e).reason()).isEqualTo(UnreadableSpreadsheet.Reason.NOT_XLSX);
        assertThatThrownBy(() -> reader.read(empty, "导入数据"))
                .extracting(e -> ((UnreadableSpreadsheet) e).reason()).isEqualTo(UnreadableSpreadsheet.Reason.NOT_XLSX);
        assertThatThrownBy(() -> reader.read(xls, "导入数据"))
                .extracting(e -> ((UnreadableSpreadsheet) e).reason()).isEqualTo(UnreadableSpreadsheet.Reason.LEGACY_XLS);
        assertThatThrownBy(() -> reader.read(zip, "导入数据"))
                .extracting(e -> ((UnreadableSpreadsheet) e).reason()).isEqualTo(UnreadableSpreadsheet.Reason.DAMAGED);
    }

    @Test
    void tellsAPasswordProtectedWorkbookFromAnXls() throws Exception {
        Path plain = Sheets.write(folder, "plain.xlsx", "导入数据", List.of(Sheets.row("操作")));
        Path encrypted = folder.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OPCPackage pkg = OPCPackage.open(plain.toFile()); OutputStream os = encryptor.getDataStream(fs)) {
                pkg.save(os);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }

        assertThatThrownBy(() -> reader.read(encrypted, "导入数据"))
                .extracting(e -> ((UnreadableSpreadsheet) e).reason()).isEqualTo(UnreadableSpreadsheet.Reason.ENCRYPTED);
    }

    @Test
    void stopsReadingBeyondTheRowLimit() throws Exception {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(Sheets.row("row " + i));
        }
        Path file = Sheets.write(folder, "long.xlsx", "导入数据", rows);

        assertThat(new XlsxSheetReader(6).read(file, "导入数据").rows()).hasSize(6);
        assertThatThrownBy(() -> new XlsxSheetReader(5).read(file, "导入数据"))
                .extracting(e -> ((UnreadableSpreadsheet) e).reason()).isEqualTo(UnreadableSpreadsheet.Reason.TOO_MANY_ROWS);
    }
}
