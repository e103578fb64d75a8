package io.groundbreak.web.briefing;

import io.groundbreak.web.excel.ExcelTexts;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** The briefing's texts ({@code i18n/briefing*.properties}): Chinese unless English is asked for. */
@Component
class BriefingTexts {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    BriefingTexts() {
        messages.setBasename("i18n/briefing");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
    }

    String text(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, ExcelTexts.isEnglish(locale) ? Locale.ENGLISH : ExcelTexts.CHINESE);
    }

    /** The text of a key named after a value of an answer (an event type, a status), or the value when there is none. */
    String textOr(Locale locale, String key, String value) {
        return messages.getMessage(key, null, value, ExcelTexts.isEnglish(locale) ? Locale.ENGLISH : ExcelTexts.CHINESE);
    }
}
