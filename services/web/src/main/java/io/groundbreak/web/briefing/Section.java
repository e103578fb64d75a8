package io.groundbreak.web.briefing;

import java.util.List;

/**
 * One part of the briefing, written alike as a sheet of the workbook and as a table of the PDF: its title, the notes
 * that say what it shows, a header and rows. A cell is a String, a Long, an {@code Amount} (yuan, shown in 万元), a
 * {@code Percent} or null (empty). {@code widths} are the columns' widths in characters (a Chinese one counts two).
 */
record Section(String sheetName, String title, List<Note> notes, List<String> header, int[] widths, List<Object[]> rows) {

    /** Which columns hold numbers (right-aligned in the PDF): those whose first non-empty cell is no text. */
    boolean numeric(int column) {
        for (Object[] row : rows) {
            if (column < row.length && row[column] != null) {
                return !(row[column] instanceof String);
            }
        }
        return false;
    }
}
