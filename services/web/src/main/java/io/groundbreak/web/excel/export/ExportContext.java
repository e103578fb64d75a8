package io.groundbreak.web.excel.export;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.excel.writing.Amount;
import io.groundbreak.web.excel.writing.SheetWriter;
import io.groundbreak.web.excel.writing.StreamingWorkbook;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Who exports, in which language, when: and the small conversions every export sheet shares. */
record ExportContext(CurrentUser user, Locale locale, Instant at, ExcelTexts texts, ReferenceData reference) {

    private static final DateTimeFormatter CITY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    String text(String key, Object... arguments) {
        return texts.text(locale, key, arguments);
    }

    boolean english() {
        return ExcelTexts.isEnglish(locale);
    }

    /** A label {code, nameZh, nameEn} of an answer in the export's language; null stays empty. */
    String label(JsonNode label) {
        if (label == null || label.isNull() || label.isMissingNode()) {
            return null;
        }
        return (english() ? label.path("nameEn") : label.path("nameZh")).asString(label.path("code").asString(""));
    }

    String district(String code) {
        if (code == null || code.isBlank()) {
            return text("export.all-districts");
        }
        return reference.district(code).map(d -> english() ? d.nameEn() : d.nameZh()).orElse(code);
    }

    String chain(String code) {
        if (code == null || code.isBlank()) {
            return text("export.all-chains");
        }
        return reference.chain(code).map(c -> english() ? c.nameEn() : c.nameZh()).orElse(code);
    }

    String stage(String code) {
        return reference.stages().stream().filter(s -> s.code().equals(code)).findFirst()
                .map(s -> english() ? s.nameEn() : s.nameZh()).orElse(code);
    }

    String cityTime(Instant instant) {
        return CITY_TIME.format(instant);
    }

    /** A new sheet with its title and, first of its notes, the view it exports. */
    SheetWriter sheet(StreamingWorkbook book, String sheetKey, String titleKey, String viewKey) {
        return book.sheet(text(sheetKey)).title(text(titleKey)).note(text("export.view"), text(viewKey));
    }

    /** The notes of the scope a view was asked for: its date, district and chain (blank: all). */
    SheetWriter scope(SheetWriter sheet, String asOf, String district, String chain) {
        return sheet.note(text("export.as-of"), asOf)
                .note(text("export.district"), district(district))
                .note(text("export.chain"), chain(chain));
    }

    /** The lines under every sheet's title that say who exported it, when, and in which unit. */
    SheetWriter signed(SheetWriter sheet) {
        return sheet.note(text("export.by"), user.name())
                .note(text("export.at"), cityTime(at))
                .note(text("export.amount-unit"), text("export.wan"));
    }

    static Amount amount(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return new Amount(node.isNumber() ? node.decimalValue() : new BigDecimal(node.asString()));
    }
}
