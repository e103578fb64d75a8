package io.groundbreak.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads a reference file with Jackson's CSV reader (RFC 4180: a header row, comma-separated fields, double quotes
 * around a field that holds a comma, a quote or a line break, {@code ""} inside is one quote) into rows by header
 * name, each with the line it starts on, so that every complaint names file and line. A leading byte order mark is
 * skipped because spreadsheet programs write one.
 */
final class Csv {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    private Csv() {
    }

    /** One data row: its line number (for messages) and its fields by header name. */
    record Row(int line, Map<String, String> fields) {
    }

    static List<Row> parse(String file, String text, List<String> requiredColumns) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int recordLine = 1;
        try (JsonParser parser = CSV.createParser(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            List<String> fields = new ArrayList<>();
            // the rows come as arrays inside one array (WRAP_AS_ARRAY): a row is at depth 2
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                boolean row = parser.streamReadContext().getNestingDepth() == (token.isStructEnd() ? 1 : 2);
                if (token == JsonToken.START_ARRAY && row) {
                    fields = new ArrayList<>();
                } else if (token == JsonToken.END_ARRAY && row) {
                    boolean blank = fields.size() == 1 && fields.get(0).isBlank();
                    if (!blank) {
                        records.add(fields);
                        lines.add(recordLine);
                    }
                } else if (token.isScalarValue()) {
                    if (fields.isEmpty()) {
                        recordLine = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getString());
                }
            }
        } catch (JacksonException e) {
            throw new InvalidReferenceDataException(file + ":" + recordLine + ": " + e.getOriginalMessage());
        }
        if (records.isEmpty()) {
            throw new InvalidReferenceDataException(file + ": empty, expected a header row "
                    + String.join(",", requiredColumns));
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                throw new InvalidReferenceDataException(file + ":1: column '" + column + "' is missing; the header is "
                        + String.join(",", header));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() != header.size()) {
                throw new InvalidReferenceDataException(file + ":" + lines.get(r) + ": " + values.size()
                        + " fields, the header has " + header.size());
            }
            Map<String, String> byName = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                byName.put(header.get(c), values.get(c).strip());
            }
            rows.add(new Row(lines.get(r), byName));
        }
        return rows;
    }
}
