package io.groundbreak.web.briefing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.springframework.stereotype.Component;

/**
 * The PDF's font, shipped in the jar so that a container without system fonts renders Chinese too: WenQuanYi Micro
 * Hei ({@code fonts/wqy-microhei.ttc}, from Debian's fonts-wqy-microhei, Apache-2.0, licence beside it). Its outlines
 * are TrueType, so PDFBox embeds only the glyphs a document uses (a Type 0 font with a subset FontFile2). It is read
 * once, on the first PDF; documents are laid out one at a time ({@link #lock()}) because fontbox's font reads its
 * tables lazily from one shared buffer.
 */
@Component
class BriefingFont {

    static final String RESOURCE = "fonts/wqy-microhei.ttc";
    static final String NAME = "WenQuanYiMicroHei";

    private final Object lock = new Object();
    private TrueTypeFont font;
    private CmapLookup unicode;

    Object lock() {
        return lock;
    }

    /** The font; call while holding {@link #lock()}. */
    TrueTypeFont font() {
        if (font == null) {
            try (InputStream in = BriefingFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                // the collection stays open for the application's life: its fonts read from it
                @SuppressWarnings("resource")
                TrueTypeCollection collection = new TrueTypeCollection(in);
                font = collection.getFontByName(NAME);
                unicode = font.getUnicodeCmapLookup();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return font;
    }

    /** Whether the font draws this code point (others are written as a replacement mark); call holding the lock. */
    boolean draws(int codePoint) {
        font();
        return unicode.getGlyphId(codePoint) > 0;
    }
}
