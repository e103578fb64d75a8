package io.groundbreak.web.briefing;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.excel.writing.Downloads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The briefing for the progress meeting (issue 19): a month's report for the city, a district or a chain, as
 * {@code GET /api/briefing/{yyyy-MM}.xlsx} and {@code .pdf} ({@code ?district=} or {@code ?chain=}, not both;
 * {@code lang=en} for English). Read from the services as the user with the dashboard's queries
 * ({@link BriefingReader}); LEADER, AUDITOR and ADMIN any scope, a district office its own district only. Everything is
 * read and laid out before the first byte is sent, so a refusal is always a problem+json answer.
 */
@RestController
class BriefingController {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private final BriefingReader reader;
    private final BriefingTexts texts;
    private final BriefingFont font;
    private final ReferenceData reference;
    private final Clock clock;

    @Autowired
    BriefingController(BriefingReader reader, BriefingTexts texts, BriefingFont font, ReferenceData reference) {
        this(reader, texts, font, reference, Clock.system(CITY));
    }

    BriefingController(BriefingReader reader, BriefingTexts texts, BriefingFont font, ReferenceData reference, Clock clock) {
        this.reader = reader;
        this.texts = texts;
        this.font = font;
        this.reference = reference;
        this.clock = clock;
    }

    @GetMapping("/api/briefing/{month}.xlsx")
    void xlsx(@PathVariable String month, @RequestParam(required = false) String district,
              @RequestParam(required = false) String chain, Authentication authentication, HttpServletRequest request,
              HttpServletResponse response) throws IOException {
        BriefingSections sections = sections(month, district, chain, authentication, request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BriefingWorkbook.write(sections.all(), out);
        Downloads.xlsx(response, sections.title() + ".xlsx", asciiName(sections, "xlsx"));
        response.getOutputStream().write(out.toByteArray());
    }

    @GetMapping("/api/briefing/{month}.pdf")
    void pdf(@PathVariable String month, @RequestParam(required = false) String district,
             @RequestParam(required = false) String chain, Authentication authentication, HttpServletRequest request,
             HttpServletResponse response) throws IOException {
        BriefingSections sections = sections(month, district, chain, authentication, request);
        Locale locale = locale(request);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BriefingPdf.write(sections.all(), sections.title(), texts.text(locale, "briefing.pdf.page"),
                texts.text(locale, "briefing.pdf.none"), font, out);
        response.setContentType("application/pdf");
        String utf8 = ContentDisposition.attachment().filename(sections.title() + ".pdf", StandardCharsets.UTF_8).build()
                .toString();
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                utf8.replaceFirst("^attachment", "attachment; filename=\"" + asciiName(sections, "pdf") + "\""));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(out.size());
        response.getOutputStream().write(out.toByteArray());
    }

    private BriefingSections sections(String month, String district, String chain, Authentication authentication,
                                      HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(authentication);
        Locale locale = locale(request);
        BriefingScope scope = scope(month, district, chain, user);
        Briefing briefing = reader.read(user, scope, locale);
        return new BriefingSections(briefing, texts, locale, reference, user, clock.instant());
    }

    /** The month, the date and the scope asked for, or why not (400), or that the user may not read it (403). */
    BriefingScope scope(String month, String district, String chain, CurrentUser user) {
        String text = month == null ? "" : month.strip();
        if (!text.matches(MONTH)) {
            throw new BriefingRefused(HttpStatus.BAD_REQUEST, "month", "briefing.invalid.month", text);
        }
        YearMonth asked = YearMonth.parse(text);
        LocalDate today = LocalDate.now(clock.withZone(CITY));
        if (asked.isAfter(YearMonth.from(today))) {
            throw new BriefingRefused(HttpStatus.BAD_REQUEST, "month", "briefing.invalid.future", text);
        }
        if (asked.getYear() < 2000) {
            throw new BriefingRefused(HttpStatus.BAD_REQUEST, "month", "briefing.invalid.month", text);
        }
        String inDistrict = district == null || district.isBlank() ? null : district.strip();
        String inChain = chain == null || chain.isBlank() ? null : chain.strip();
        if (inDistrict != null && inChain != null) {
            throw new BriefingRefused(HttpStatus.BAD_REQUEST, "chain", "briefing.invalid.both");
        }
        if (inDistrict != null && !reference.isDistrict(inDistrict)) {
            throw new BriefingRefused(HttpStatus.BAD_REQUEST, "district", "briefing.invalid.district", inDistrict);
        }
        if (inChain != null && !reference.isChain(inChain)) {
            throw new BriefingRefused(HttpStatus.BAD_REQUEST, "chain", "briefing.invalid.chain", inChain);
        }
        if (user.isDistrictOffice()) {
            String own = user.district().orElseThrow();
            if (inChain != null || (inDistrict != null && !inDistrict.equals(own))) {
                throw new BriefingRefused(HttpStatus.FORBIDDEN, inChain != null ? "chain" : "district",
                        "briefing.forbidden.district");
            }
            inDistrict = own;
        }
        LocalDate asOf = asked.equals(YearMonth.from(today)) ? today : asked.atEndOfMonth();
        return new BriefingScope(asked, asOf, inDistrict, inChain);
    }

    /** Chinese by default; {@code lang=en}, or English first in Accept-Language, for English. */
    static Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        return lang == null || lang.isBlank() ? ExcelTexts.of(request)
                : "en".equalsIgnoreCase(lang.strip()) ? Locale.ENGLISH : ExcelTexts.CHINESE;
    }

    /** {@code groundbreak-briefing-2025-06-120116.pdf}: month and scope code, for clients without RFC 6266. */
    private static String asciiName(BriefingSections sections, String extension) {
        BriefingScope scope = sections.scope();
        String code = scope.district() != null ? scope.district() : scope.chain() != null ? scope.chain() : "city";
        return "groundbreak-briefing-" + scope.month() + "-" + code.replaceAll("[^A-Za-z0-9-]", "") + "." + extension;
    }
}
