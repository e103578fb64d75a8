package io.groundbreak.web.excel;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The import's and export's texts ({@code i18n/excel*.properties}): Chinese unless the request asks for
 * English first. Kept apart from any application-wide message source so that nothing else changes.
 */
@Component
public class ExcelTexts {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    public ExcelTexts() {
        messages.setBasename("i18n/excel");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
    }

    public String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, isEnglish(locale) ? Locale.ENGLISH : CHINESE);
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /**
     * Chinese unless the request's most preferred language is English: the web app's default language is
     * Chinese whatever the server's own locale is (the pages send their choice in Accept-Language).
     */
    public static Locale of(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return CHINESE;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            return !ranges.isEmpty() && ranges.get(0).getRange().startsWith("en") ? Locale.ENGLISH : CHINESE;
        } catch (IllegalArgumentException e) {
            return CHINESE;
        }
    }
}
