package io.groundbreak.demo.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small CSV file of the demo's catalog: '#' lines are comments, no quoting (no field holds a comma). */
final class DataFile {

    private DataFile() {
    }

    /** The rows as column name → value, in file order; every row must have every column. */
    static List<Map<String, String>> read(String resource) {
        String text;
        try (InputStream in = DataFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath:" + resource + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        String[] header = null;
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (header == null) {
                header = fields;
                continue;
            }
            if (fields.length != header.length) {
                throw new IllegalStateException(resource + ":" + (i + 1) + ": " + fields.length + " fields, expected "
                        + header.length);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int column = 0; column < header.length; column++) {
                row.put(header[column], fields[column].strip());
            }
            rows.add(row);
        }
        return rows;
    }

    static List<String> list(String field) {
        return field.isEmpty() ? List.of() : List.of(field.split("\\|"));
    }
}
