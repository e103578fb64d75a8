package io.groundbreak.web.excel.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one worksheet of an .xlsx file without building the workbook in memory: the file is opened as
 * a zip on disk and the sheet's XML is read with SAX (POI's {@link XSSFReader}), keeping only the
 * non-blank cells. Unlike POI's ready-made sheet handler it keeps what an importer must judge: whether
 * a cell is a formula, whether a number is formatted as a date, the number exactly as stored, and the
 * merged ranges.
 */
public final class XlsxSheetReader {

    private final int maxRows;

    /**
     * No part of an upload inflates beyond this: a 50,000-row sheet is about 15 MB of XML, and POI would
     * otherwise accept parts of up to 4 GB (its zip-bomb guard checks the compression ratio only).
     */
    static final long MAX_PART_BYTES = 256L * 1024 * 1024;

    /** @param maxRows the most non-blank rows (header included) one sheet may have */
    public XlsxSheetReader(int maxRows) {
        this.maxRows = maxRows;
        // a JVM-wide POI setting; this web app reads no other zip through POI
        if (ZipSecureFile.getMaxEntrySize() > MAX_PART_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        }
    }

    /** Reads the sheet called {@code preferredSheet}, or the workbook's first sheet when there is none of that name. */
    public SheetContent read(Path file, String preferredSheet) throws UnreadableSpreadsheet {
        requireOfficeXml(file);
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = date1904(reader);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            String chosenName = null;
            InputStream chosen = null;
            while (sheets.hasNext()) {
                InputStream sheet = sheets.next();
                String name = sheets.getSheetName();
                if (chosen == null || name.equals(preferredSheet) && !chosenName.equals(preferredSheet)) {
                    if (chosen != null) {
                        chosen.close();
                    }
                    chosen = sheet;
                    chosenName = name;
                } else {
                    sheet.close();
                }
            }
            if (chosen == null) {
                throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Reason.NO_SHEET, "the workbook has no worksheet", null);
            }
            try (InputStream sheet = chosen) {
                SheetHandler handler = new SheetHandler(strings, styles, date1904, maxRows);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(handler);
                parser.parse(new InputSource(sheet));
                return new SheetContent(chosenName, handler.rows, handler.merged);
            }
        } catch (TooManyRows e) {
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Reason.TOO_MANY_ROWS,
                    "the sheet has more than " + maxRows + " rows", e);
        } catch (UnreadableSpreadsheet e) {
            throw e;
        } catch (IOException | SAXException | OpenXML4JException | POIXMLException | OpenXML4JRuntimeException
                 | IllegalArgumentException | IllegalStateException | ClassCastException
                 | javax.xml.parsers.ParserConfigurationException e) {
            // POI reports a damaged or foreign zip through many exception types; all mean the same to a user
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Reason.DAMAGED, "not a readable workbook: " + e, e);
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    /** Tells an .xls, an encrypted workbook and any other file from an .xlsx before the zip reader tries it. */
    private static void requireOfficeXml(Path file) throws UnreadableSpreadsheet {
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        } catch (EmptyFileException e) {
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Reason.NOT_XLSX, "an empty file", e);
        } catch (IOException e) {
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Reason.NOT_XLSX, "unreadable upload: " + e, e);
        }
        if (magic == FileMagic.OOXML) {
            return;
        }
        if (magic == FileMagic.OLE2) {
            try (POIFSFileSystem ole = new POIFSFileSystem(file.toFile(), true)) {
                if (ole.getRoot().hasEntry("EncryptionInfo")) {
                    throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Reason.ENCRYPTED, "an encrypted workbook", null);
                }
            } catch (IOException | EncryptedDocumentException | IllegalArgumentException e) {
                throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Reason.NOT_XLSX, "a damaged OLE2 file: " + e, e);
            }
            throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Reason.LEGACY_XLS, "an Excel 97-2003 file", null);
        }
        throw new UnreadableSpreadsheet(UnreadableSpreadsheet.Reason.NOT_XLSX, "not an .xlsx file (" + magic + ")", null);
    }

    /** Dates are counted from 1904 in workbooks that say so (old Mac Excel); the serial numbers differ by 1,462 days. */
    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException,
            javax.xml.parsers.ParserConfigurationException {
        boolean[] found = {false};
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
            });
            parser.parse(new InputSource(workbook));
        }
        return found[0];
    }

    /**
     * Excel stores a character that XML 1.0 cannot hold (U+0000, the other C0 controls but tab and line
     * breaks, a lone surrogate) as {@code _xHHHH_}, and a literal {@code _x} followed by four hex digits and
     * {@code _} as {@code _x005F_xHHHH_}. POI decodes shared strings so; this decodes inline strings the
     * same way, so that a cell reads the same whichever way it was stored.
     */
    static String decodeEscapes(String stored) {
        if (!stored.contains("_x")) {
            return stored;
        }
        return new XSSFRichTextString(stored).getString();
    }

    /** Whether the text holds a C0 control character other than tab, line feed and carriage return. */
    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
    }

    /** Stops the parse once a sheet has more rows than allowed. */
    private static final class TooManyRows extends SAXException {
        TooManyRows() {
            super("too many rows");
        }
    }

    /** SAX over {@code xl/worksheets/sheetN.xml}: rows, cells (value, type, style, formula) and merged ranges. */
    private static final class SheetHandler extends DefaultHandler {

        private final SharedStrings strings;
        private final StylesTable styles;
        private final boolean date1904;
        private final int maxRows;
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
        private final Map<Integer, Boolean> dateStyles = new HashMap<>();

        final List<SheetRow> rows = new ArrayList<>();
        final List<String> merged = new ArrayList<>();

        private int rowNumber;
        private int nextColumn;
        private List<SheetCell> cells;
        private int column;
        private String type;
        private int style;
        private StringBuilder value;
        private StringBuilder formula;
        private StringBuilder inline;
        private boolean inValue;
        private boolean inFormula;
        private boolean inInlineText;
        private boolean inPhonetic;

        SheetHandler(SharedStrings strings, StylesTable styles, boolean date1904, int maxRows) {
            this.strings = strings;
            this.styles = styles;
            this.date1904 = date1904;
            this.maxRows = maxRows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    nextColumn = 0;
                    cells = new ArrayList<>();
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    column = r == null ? nextColumn : new CellReference(r).getCol();
                    nextColumn = column + 1;
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    value = null;
                    formula = null;
                    inline = null;
                }
                case "v" -> {
                    inValue = true;
                    value = new StringBuilder();
                }
                case "f" -> {
                    inFormula = true;
                    formula = new StringBuilder();
                }
                case "is" -> inline = new StringBuilder();
                case "rPh" -> inPhonetic = true;
                case "t" -> inInlineText = inline != null && !inPhonetic;
                case "mergeCell" -> {
                    String ref = attributes.getValue("ref");
                    if (ref != null) {
                        merged.add(ref);
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            } else if (inFormula) {
                formula.append(ch, start, length);
            } else if (inInlineText) {
                inline.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v" -> inValue = false;
                case "f" -> inFormula = false;
                case "t" -> inInlineText = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    SheetCell cell = cell();
                    if (cell != null && cells != null) {
                        cells.add(cell);
                    }
                }
                case "row" -> {
                    if (cells != null && !cells.isEmpty()) {
                        if (rows.size() >= maxRows) {
                            throw new TooManyRows();
                        }
                        rows.add(new SheetRow(rowNumber, cells));
                    }
                    cells = null;
                }
                default -> {
                }
            }
        }

        private SheetCell cell() {
            String formulaText = formula == null ? null : formula.toString();
            String stored = value == null ? null : value.toString();
            if ("inlineStr".equals(type)) {
                stored = inline == null ? stored : inline.toString();
            }
            if (stored == null || stored.isEmpty()) {
                return formulaText == null ? null
                        : new SheetCell(rowNumber, column, CellKind.TEXT, "", "", null, formulaText);
            }
            if (type == null || "n".equals(type)) {
                return number(stored, formulaText);
            }
            return switch (type) {
                case "s" -> text(strings.getItemAt(Integer.parseInt(stored.trim())).getString(), formulaText);
                // shared strings come decoded from POI; inline strings and formula results are decoded alike
                case "inlineStr", "str" -> text(decodeEscapes(stored), formulaText);
                case "b" -> new SheetCell(rowNumber, column, CellKind.BOOLEAN, "1".equals(stored) ? "TRUE" : "FALSE",
                        "1".equals(stored) ? "TRUE" : "FALSE", null, formulaText);
                case "e" -> new SheetCell(rowNumber, column, CellKind.ERROR, stored, stored, null, formulaText);
                case "d" -> isoDate(stored, formulaText);
                default -> text(stored, formulaText);
            };
        }

        private SheetCell text(String text, String formulaText) {
            // a cell of control characters only (U+001C–U+001F count as white space in Java) is kept for the
            // importer to refuse: it is not empty, it holds something no reader can see
            if (text.isBlank() && formulaText == null && !hasControlCharacter(text)) {
                return null;
            }
            return new SheetCell(rowNumber, column, CellKind.TEXT, text, text, null, formulaText);
        }

        private SheetCell number(String stored, String formulaText) {
            double number;
            try {
                number = Double.parseDouble(stored);
            } catch (NumberFormatException e) {
                return text(stored, formulaText);
            }
            XSSFCellStyle cellStyle = style < styles.getNumCellStyles() ? styles.getStyleAt(style) : null;
            int formatIndex = cellStyle == null ? 0 : cellStyle.getDataFormat();
            String format = cellStyle == null ? "General" : cellStyle.getDataFormatString();
            boolean isDate = dateStyles.computeIfAbsent(style, s -> DateUtil.isADateFormat(formatIndex, format));
            String shown = formatter.formatRawCellContents(number, formatIndex, format, date1904);
            if (isDate && DateUtil.isValidExcelDate(number)) {
                return new SheetCell(rowNumber, column, CellKind.DATE, stored, shown,
                        DateUtil.getLocalDateTime(number, date1904), formulaText);
            }
            return new SheetCell(rowNumber, column, CellKind.NUMBER, stored, shown, null, formulaText);
        }

        private SheetCell isoDate(String stored, String formulaText) {
            try {
                LocalDateTime date = stored.length() <= 10 ? LocalDate.parse(stored).atStartOfDay()
                        : LocalDateTime.parse(stored.endsWith("Z") ? stored.substring(0, stored.length() - 1) : stored);
                return new SheetCell(rowNumber, column, CellKind.DATE, stored, stored, date, formulaText);
            } catch (DateTimeParseException e) {
                return text(stored, formulaText);
            }
        }
    }
}
