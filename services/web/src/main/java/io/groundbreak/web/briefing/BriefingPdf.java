package io.groundbreak.web.briefing;

import io.groundbreak.web.excel.writing.Amount;
import io.groundbreak.web.excel.writing.Percent;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The briefing as a PDF (A4 landscape): the same parts as the workbook, each a heading, its notes and its table (the
 * header repeated on every page the table spans, a cell too long for its column cut with "…"), and a footer with the
 * title and the page number. Text is drawn with {@link BriefingFont}, embedded as a subset.
 */
final class BriefingPdf {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float TITLE_SIZE = 16;
    private static final float HEADING_SIZE = 12;
    private static final float NOTE_SIZE = 8;
    private static final float CELL_SIZE = 7.5f;
    private static final float ROW_HEIGHT = 11;
    private static final float LINE_HEIGHT = 9;
    private static final float CELL_PADDING = 2;
    /** A long cell (a project's name, a restatement's changes) wraps onto at most this many lines, then ends with "…". */
    private static final int MAX_LINES = 4;
    private static final BigDecimal YUAN_PER_WAN = BigDecimal.valueOf(10_000);

    private final BriefingFont fonts;
    private final PDDocument document = new PDDocument();
    private PDType0Font font;
    private PDPageContentStream content;
    private float y;

    private BriefingPdf(BriefingFont fonts) {
        this.fonts = fonts;
    }

    static void write(List<Section> sections, String title, String pageLabel, String none, BriefingFont fonts,
                      OutputStream out) throws IOException {
        synchronized (fonts.lock()) {
            BriefingPdf pdf = new BriefingPdf(fonts);
            try (PDDocument document = pdf.document) {
                pdf.font = PDType0Font.load(document, fonts.font(), true);
                PDDocumentInformation information = document.getDocumentInformation();
                information.setTitle(title);
                information.setCreator("Groundbreak");
                pdf.newPage();
                pdf.line(MARGIN, TITLE_SIZE, title);
                pdf.y -= 6;
                List<Note> shown = new ArrayList<>();
                for (Section section : sections) {
                    pdf.section(section, shown, none);
                }
                pdf.content.close();
                pdf.footers(title, pageLabel);
                document.save(out);
            }
        }
    }

    private void section(Section section, List<Note> shown, String none) throws IOException {
        if (y < MARGIN + 4 * ROW_HEIGHT + HEADING_SIZE) {
            newPage();
        }
        y -= 8;
        if (!section.title().equals(document.getDocumentInformation().getTitle())) {
            line(MARGIN, HEADING_SIZE, section.title());
        }
        // the notes every part shares are written once, under the first part's heading
        List<String> notes = new ArrayList<>();
        for (Note note : section.notes()) {
            if (!shown.contains(note)) {
                notes.add(note.label() + "：" + note.value());
                shown.add(note);
            }
        }
        StringBuilder text = new StringBuilder();
        for (String note : notes) {
            String next = text.length() == 0 ? note : text + "    " + note;
            if (width(next, NOTE_SIZE) > PAGE.getWidth() - 2 * MARGIN && text.length() > 0) {
                line(MARGIN, NOTE_SIZE, text.toString());
                text.setLength(0);
                text.append(note);
            } else {
                text.setLength(0);
                text.append(next);
            }
        }
        if (text.length() > 0) {
            line(MARGIN, NOTE_SIZE, text.toString());
        }
        y -= 4;
        float[] widths = columnWidths(section);
        header(section, widths);
        if (section.rows().isEmpty()) {
            line(MARGIN + CELL_PADDING, CELL_SIZE, none);
        }
        for (Object[] row : section.rows()) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < widths.length; i++) {
                texts.add(i < row.length ? format(row[i]) : "");
            }
            List<List<String>> cells = wrapped(texts, widths);
            float height = height(cells);
            if (y - height < MARGIN + ROW_HEIGHT) {
                newPage();
                header(section, widths);
            }
            drawRow(section, widths, cells, height);
            content.setLineWidth(0.2f);
            content.setStrokingColor(0.8f);
            content.moveTo(MARGIN, y + 2.5f);
            content.lineTo(MARGIN + sum(widths), y + 2.5f);
            content.stroke();
        }
    }

    private void header(Section section, float[] widths) throws IOException {
        List<List<String>> cells = wrapped(section.header(), widths);
        float height = height(cells);
        content.setNonStrokingColor(0.88f);
        content.addRect(MARGIN, y - height + 2.5f, sum(widths), height);
        content.fill();
        content.setNonStrokingColor(0f);
        drawRow(section, widths, cells, height);
    }

    /** Each column's text wrapped to its width. */
    private List<List<String>> wrapped(List<String> texts, float[] widths) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            cells.add(wrap(texts.get(i), widths[i] - 2 * CELL_PADDING));
        }
        return cells;
    }

    /** A row's height: as many lines as its longest cell. */
    private static float height(List<List<String>> cells) {
        int lines = 1;
        for (List<String> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return ROW_HEIGHT + (lines - 1) * LINE_HEIGHT;
    }

    /** Draws a row's wrapped cells side by side and moves below it. */
    private void drawRow(Section section, float[] widths, List<List<String>> cells, float height) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            float top = y;
            for (String line : cells.get(i)) {
                cell(x, widths[i], line, section.numeric(i));
                y -= LINE_HEIGHT;
            }
            y = top;
            x += widths[i];
        }
        y -= height;
    }

    private void cell(float x, float width, String text, boolean right) throws IOException {
        String fitted = fit(text, CELL_SIZE, width - 2 * CELL_PADDING);
        float at = right ? x + width - CELL_PADDING - width(fitted, CELL_SIZE) : x + CELL_PADDING;
        draw(at, y - CELL_SIZE, CELL_SIZE, fitted);
    }

    /** The section's widths in characters, scaled to the page. */
    private static float[] columnWidths(Section section) {
        int total = 0;
        for (int width : section.widths()) {
            total += width;
        }
        float[] widths = new float[section.header().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = (PAGE.getWidth() - 2 * MARGIN) * section.widths()[i] / total;
        }
        return widths;
    }

    private void line(float x, float size, String text) throws IOException {
        if (y - size * 1.4f < MARGIN + ROW_HEIGHT) {
            newPage();
        }
        draw(x, y - size, size, fit(text, size, PAGE.getWidth() - MARGIN - x));
        y -= size * 1.4f;
    }

    private void draw(float x, float baseline, float size, String text) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(text);
        content.endText();
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** "月度调度简报 … · 第 3 / 7 页" at the foot of every page. */
    private void footers(String title, String pageLabel) throws IOException {
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = clean(title + " · " + java.text.MessageFormat.format(pageLabel, i + 1, pages));
                foot.beginText();
                foot.setFont(font, NOTE_SIZE);
                foot.newLineAtOffset(MARGIN, MARGIN / 2);
                foot.showText(text);
                foot.endText();
            }
        }
    }

    /** The text in lines that fit the width, broken anywhere (Chinese has no spaces), at most MAX_LINES of them. */
    private List<String> wrap(String text, float width) throws IOException {
        String clean = clean(text);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < clean.length() && lines.size() < MAX_LINES - 1) {
            int end = start;
            while (end < clean.length()) {
                int next = end + Character.charCount(clean.codePointAt(end));
                if (width(clean.substring(start, next), CELL_SIZE) > width) {
                    break;
                }
                end = next;
            }
            if (end == clean.length()) {
                break;
            }
            end = Math.max(end, start + Character.charCount(clean.codePointAt(start)));
            lines.add(clean.substring(start, end));
            start = end;
        }
        lines.add(fit(clean.substring(start), CELL_SIZE, width));
        return lines;
    }

    private String fit(String text, float size, float width) throws IOException {
        String clean = clean(text);
        if (width(clean, size) <= width) {
            return clean;
        }
        int end = clean.length();
        while (end > 0 && width(clean.substring(0, end) + "…", size) > width) {
            end = Character.isLowSurrogate(clean.charAt(end - 1)) && end > 1 ? end - 2 : end - 1;
        }
        return clean.substring(0, end) + "…";
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** One line of text the font can draw: breaks and tabs as spaces, characters it has no glyph for as "?". */
    private String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            if (Character.isWhitespace(point) || Character.isISOControl(point)) {
                clean.append(' ');
            } else if (fonts.draws(point)) {
                clean.appendCodePoint(point);
            } else {
                clean.append('?');
            }
        });
        return clean.toString();
    }

    private static float sum(float[] widths) {
        float sum = 0;
        for (float width : widths) {
            sum += width;
        }
        return sum;
    }

    static String format(Object value) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (value == null) {
            return "";
        }
        if (value instanceof Amount amount) {
            return new DecimalFormat("#,##0.00", symbols).format(amount.yuan().divide(YUAN_PER_WAN, 2, RoundingMode.HALF_UP));
        }
        if (value instanceof Percent percent) {
            return new DecimalFormat("0.0%", symbols).format(percent.rate());
        }
        if (value instanceof Long || value instanceof Integer) {
            return new DecimalFormat("#,##0", symbols).format(value);
        }
        return value.toString();
    }
}
