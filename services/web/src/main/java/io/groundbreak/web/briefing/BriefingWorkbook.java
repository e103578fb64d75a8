package io.groundbreak.web.briefing;

import io.groundbreak.web.excel.writing.SheetWriter;
import io.groundbreak.web.excel.writing.StreamingWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The briefing as a workbook: one sheet per part, written as the other exports are (title, notes, a filterable table). */
final class BriefingWorkbook {

    private BriefingWorkbook() {
    }

    static void write(List<Section> sections, OutputStream out) throws IOException {
        try (StreamingWorkbook book = new StreamingWorkbook()) {
            for (Section section : sections) {
                SheetWriter sheet = book.sheet(section.sheetName()).title(section.title());
                for (Note note : section.notes()) {
                    sheet.note(note.label(), note.value());
                }
                sheet.blank().header(section.header().toArray(String[]::new)).widths(section.widths());
                for (Object[] row : section.rows()) {
                    sheet.row(row);
                }
                sheet.end();
            }
            book.write(out);
        }
    }
}
