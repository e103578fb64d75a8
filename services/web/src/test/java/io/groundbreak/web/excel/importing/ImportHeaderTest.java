package io.groundbreak.web.excel.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.excel.Formula;
import io.groundbreak.web.excel.Sheets;
import io.groundbreak.web.excel.reading.SheetRow;
import io.groundbreak.web.excel.reading.XlsxSheetReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportHeaderTest {

    @TempDir
    Path folder;

    private final ExcelTexts texts = new ExcelTexts();

    @Test
    void findsTheTemplatesColumnsInAnyOrderInChineseOrEnglishBesideAnOfficesOwnColumns() throws Exception {
        List<Object> header = new ArrayList<>(Arrays.stream(ImportColumn.values()).map(ImportColumn::english).toList());
        Collections.reverse(header);
        header.add(0, "本区备注");
        int columns = ImportColumn.values().length;
        // reversed behind the office's own column: the column of ordinal o is at columns - o
        header.set(columns - ImportColumn.REASON.ordinal(), "原因 或 备注");
        header.set(columns - ImportColumn.PLANNED_INVESTMENT.ordinal(), "计划总投资(万元)");

        ImportHeader found = ImportHeader.of("导入数据", first(header), texts, ExcelTexts.CHINESE);

        assertThat(found.indexOf(ImportColumn.REASON)).isEqualTo(8);
        assertThat(found.indexOf(ImportColumn.ACTION)).isEqualTo(21);
        assertThat(found.indexOf(ImportColumn.PLANNED_INVESTMENT)).isEqualTo(15);
        assertThat(found.indexOf(ImportColumn.SOURCE)).isEqualTo(1);
    }

    @Test
    void namesTheColumnsThatAreMissingTwiceOrComputed() throws Exception {
        List<Object> header = Sheets.header();
        header.set(ImportColumn.DATE.ordinal(), "生效日期");
        header.set(ImportColumn.PERIOD.ordinal(), "阶段");
        header.set(ImportColumn.PARK.ordinal(), new Formula("\"园\"&\"区\""));

        assertThatThrownBy(() -> ImportHeader.of("导入数据", first(header), texts, ExcelTexts.CHINESE))
                .isInstanceOfSatisfying(WrongHeaders.class, wrong -> assertThat(wrong.problems())
                        .extracting(CellProblem::cell, CellProblem::message)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("H1", "表头不能是公式"),
                                org.assertj.core.groups.Tuple.tuple("L1", "「阶段」列出现了两次（I1, L1）"),
                                org.assertj.core.groups.Tuple.tuple(null, "缺少「园区」列"),
                                org.assertj.core.groups.Tuple.tuple(null, "缺少「日期」列"),
                                org.assertj.core.groups.Tuple.tuple(null, "缺少「报告期」列")));
    }

    @Test
    void theColumnsOfSchema11AreOptionalButNotTwice() throws Exception {
        List<Object> old = new ArrayList<>(Sheets.header().subList(0, ImportColumn.REASON.ordinal() + 1));
        ImportHeader found = ImportHeader.of("导入数据", first(old), texts, ExcelTexts.CHINESE);
        assertThat(found.indexOf(ImportColumn.REASON)).isEqualTo(13);
        assertThat(found.indexOf(ImportColumn.PLANNED_SIGNED)).isEqualTo(-1);

        List<Object> some = new ArrayList<>(old);
        some.add("项目来源");
        some.add("Source");
        assertThatThrownBy(() -> ImportHeader.of("导入数据", first(some), texts, ExcelTexts.CHINESE))
                .isInstanceOfSatisfying(WrongHeaders.class, wrong -> assertThat(wrong.problems())
                        .extracting(CellProblem::cell, CellProblem::message)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("P1", "「项目来源」列出现了两次（O1, P1）")));
    }

    @Test
    void aSheetWhoseFirstRowIsNotRowOneHasNoHeader() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(null);
        rows.add(Sheets.header());
        SheetRow second = new XlsxSheetReader(10).read(Sheets.write(folder, "late.xlsx", "导入数据", rows), "导入数据")
                .rows().get(0);

        assertThatThrownBy(() -> ImportHeader.of("导入数据", second, texts, ExcelTexts.CHINESE))
                .isInstanceOfSatisfying(WrongHeaders.class, wrong -> assertThat(wrong.problems())
                        .as("every column but the optional ones (schema 1.1's) is missing")
                        .hasSize(ImportColumn.REASON.ordinal() + 1));
    }

    private SheetRow first(List<Object> header) throws Exception {
        return new XlsxSheetReader(10).read(Sheets.write(folder, "header.xlsx", "导入数据", List.of(header)), "导入数据")
                .rows().get(0);
    }
}
