package io.groundbreak.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The small RFC 4180 reader the reference files need: a header row, comma-separated fields,
 * double quotes around a field that holds a comma or a quote ({@code ""} inside is one quote).
 * A leading byte order mark is skipped because spreadsheet programs write one.
 */
final class Csv {

    private Csv() {
    }

    /** One data row: its line number (for messages) and its fields by header name. */
    record Row(int line, Map<String, String> fields) {
    }

    static List<Row> parse(String file, String text, List<String> requiredColumns) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean endOfRecord = false;
            while (i < text.length() && !endOfRecord) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    endOfRecord = true;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                throw new InvalidReferenceDataException(file + ":" + recordLine + ": unterminated quoted field");
            }
            fields.add(field.toString());
            boolean blank = fields.size() == 1 && fields.get(0).isBlank();
            if (!blank) {
                records.add(fields);
                lines.add(recordLine);
            }
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
