package io.groundbreak.bench;

import io.groundbreak.web.excel.reading.UnreadableSpreadsheet;
import io.groundbreak.web.excel.reading.XlsxSheetReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * {@code excel.read}: the web app's sheet reader ({@link XlsxSheetReader}: POI's {@code XSSFReader} and our own SAX
 * handler) on the import's workbook, beside what a user of POI would write instead — POI's ready-made
 * {@link XSSFSheetXMLHandler}, one formatted string per cell — on the same file. One thread, in the bench's JVM. The
 * reader was kept rather than replaced: the ready-made handler cannot tell a formula, a date cell or a number as
 * stored (services/web/README.md), so this figure is what keeping it costs or saves in time.
 */
final class SheetReadingFigures {

    private static final String SHEET = "导入数据";

    private final Path workbook;
    private final int rows;

    SheetReadingFigures(Path workbook, int rows) {
        this.workbook = workbook;
        this.rows = rows;
    }

    List<Figure> measure(int rounds) {
        XlsxSheetReader ours = new XlsxSheetReader(rows + 1);
        Map<String, LongSupplier> contenders = new LinkedHashMap<>();
        contenders.put("poi", this::readWithPoiHandler);
        contenders.put("ours", () -> readWithOurs(ours));
        long oursRows = readWithOurs(ours);
        long poiRows = readWithPoiHandler();
        if (oursRows != poiRows) {
            throw new IllegalStateException("the readers disagree: " + oursRows + " rows against POI's " + poiRows);
        }
        Map<String, AlternatingRounds.Rates> rates = AlternatingRounds.time(rounds, rows, contenders);

        Map<String, Object> common = new LinkedHashMap<>();
        common.put("rows", rows);
        common.put("rounds", rounds);
        try {
            common.put("fileBytes", Files.size(workbook));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        common.put("workbook", "excel.import's: the template's columns, registrations each followed by a milestone");
        Map<String, Object> poiDetails = new LinkedHashMap<>(common);
        poiDetails.putAll(rates.get("poi").details("poi"));
        Figure poi = Figure.rawLimit("raw.excel.poi-handler", "Reading the import workbook with POI's own sheet handler "
                + "(XSSFSheetXMLHandler, formatted strings, 1 thread)", rates.get("poi").median(), "rows/s", poiDetails);
        Map<String, Object> oursDetails = new LinkedHashMap<>(common);
        oursDetails.putAll(rates.get("ours").details("ours"));
        oursDetails.put("note", "kept, not replaced: POI's handler loses formulas, date cells, numbers as stored and "
                + "merged ranges (services/web/README.md); excel.import is the whole import this reading is part of");
        Figure read = Figure.againstRawLimit("excel.read", "Reading the import workbook with the web app's sheet reader "
                        + "(XlsxSheetReader, 1 thread)", rates.get("ours").median(), "rows/s", null, poi, Double.NaN,
                oursDetails);
        return List.of(poi, read);
    }

    private long readWithOurs(XlsxSheetReader reader) {
        try {
            return reader.read(workbook, SHEET).rows().size();
        } catch (UnreadableSpreadsheet e) {
            throw new IllegalStateException("the bench's own workbook could not be read", e);
        }
    }

    /** POI's documented streaming route (its XLSX2CSV example): shared strings, styles, the sheet handler. */
    private long readWithPoiHandler() {
        try (OPCPackage pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            RowCollector collector = new RowCollector();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (!SHEET.equals(sheets.getSheetName())) {
                        continue;
                    }
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, collector,
                            new DataFormatter(), false));
                    parser.parse(new InputSource(sheet));
                }
            }
            return collector.rows.size();
        } catch (Exception e) {
            throw new IllegalStateException("POI could not read the bench's workbook", e);
        }
    }

    /** Keeps each non-blank row's cells as POI hands them, as an importer would before judging them. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final List<List<String>> rows = new ArrayList<>();
        private List<String> current = new ArrayList<>();

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (!current.isEmpty()) {
                rows.add(current);
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            if (formattedValue != null && !formattedValue.isBlank()) {
                current.add(formattedValue);
            }
        }
    }
}
