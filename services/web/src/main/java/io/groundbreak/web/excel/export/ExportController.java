package io.groundbreak.web.excel.export;

import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.config.WebProperties;
import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.web.excel.writing.Downloads;
import io.groundbreak.web.gateway.Backend;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Excel exports of what the pages show, read from the services as the logged-in user (so each service's
 * role and district rules hold) and streamed as .xlsx: {@code /web/export/dashboard.xlsx} (every view of
 * the leaders' dashboard), {@code /web/export/projects.xlsx} (a project list, every page),
 * {@code /web/export/lights.xlsx} (the supervision list of lights, every page),
 * {@code /web/export/targets.xlsx} (progress against the targets per district, chain and cell, and their history),
 * {@code /web/export/history.xlsx} (a project's history, for auditors) and {@code /web/export/period.xlsx} (a
 * district's month as closed and as known now, with its restatements). Everything is read before the
 * first byte is written, so a refusal is a problem+json answer, never half a workbook.
 * {@code lang=en} gives English sheets; the default is Chinese.
 */
@RestController
class ExportController {

    private final ServiceReads reads;
    private final ExcelTexts texts;
    private final ReferenceData referenceData;
    private final WebProperties properties;
    private final Clock clock = Clock.systemUTC();

    ExportController(ServiceReads reads, ExcelTexts texts, ReferenceData referenceData, WebProperties properties) {
        this.reads = reads;
        this.texts = texts;
        this.referenceData = referenceData;
        this.properties = properties;
    }

    @GetMapping("/web/export/dashboard.xlsx")
    void dashboard(@RequestParam(required = false) String asOf, @RequestParam(required = false) String district,
                   @RequestParam(required = false) String chain, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String cohorts,
                   Authentication authentication, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ExportContext context = context(authentication, request);
        // a district office's dashboard is its own district's, as on the page
        String scope = context.user().district().orElse(district);
        JsonNode funnel = reads.read(context.user(), Backend.FUNNEL, "/api/funnel",
                query("asOf", asOf, "district", scope, "chain", chain), context.locale());
        String day = funnel.path("asOf").asString();
        JsonNode byDistrict = reads.read(context.user(), Backend.FUNNEL, "/api/funnel/breakdown",
                query("by", "district", "asOf", day, "chain", chain, "district", context.user().district().orElse(null)),
                context.locale());
        JsonNode byChain = reads.read(context.user(), Backend.FUNNEL, "/api/funnel/breakdown",
                query("by", "chain", "asOf", day, "district", scope), context.locale());
        JsonNode trend = reads.read(context.user(), Backend.FUNNEL, "/api/funnel/trend",
                query("from", from, "to", to == null || to.isBlank() ? day.substring(0, 7) : to, "district", scope,
                        "chain", chain), context.locale());
        JsonNode cycleTimes = reads.read(context.user(), Backend.FUNNEL, "/api/funnel/cycle-times",
                query("asOf", day, "district", scope, "chain", chain), context.locale());
        int fewestDays = properties.stalled().amberDays().values().stream().mapToInt(Integer::intValue).min().orElse(0);
        List<JsonNode> stalled = reads.allProjects(context.user(), query("asOf", day, "district", scope, "chain", chain,
                "stalledDays", String.valueOf(fewestDays), "sort", "stageSince,asc"), context.locale());
        // the cohorts by quarter or month (cohorts=), over the span the dashboard shows: the service's default up to asOf
        JsonNode cohortTable = reads.read(context.user(), Backend.FUNNEL, "/api/funnel/cohorts",
                query("by", cohorts, "asOf", day, "district", scope, "chain", chain), context.locale());
        Downloads.xlsx(response, fileName(context, "export.dashboard", day), "groundbreak-dashboard-" + day + ".xlsx");
        new DashboardExport(funnel, byDistrict, byChain, trend, cycleTimes, stalled, cohortTable, scope, chain,
                properties.stalled(), FreshnessNote.leastFresh(List.of(funnel, byDistrict, byChain, trend, cycleTimes,
                cohortTable))).write(context, response.getOutputStream());
    }

    @GetMapping("/web/export/projects.xlsx")
    void projects(@RequestParam(required = false) String asOf, @RequestParam(required = false) String district,
                  @RequestParam(required = false) String chain, @RequestParam(required = false) String stage,
                  @RequestParam(required = false) String figure, @RequestParam(required = false) String stalledDays,
                  @RequestParam(required = false) String cohort, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String reached, @RequestParam(required = false) String reported,
                  @RequestParam(required = false) String sort, Authentication authentication,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportContext context = context(authentication, request);
        String scope = context.user().district().orElse(district);
        Map<String, String> query = query("asOf", asOf, "district", scope, "chain", chain, "stage", stage,
                "figure", figure, "stalledDays", stalledDays, "cohort", cohort, "outcome", outcome, "reached", reached,
                "reported", reported, "sort", sort == null || sort.isBlank() ? "code" : sort);
        List<JsonNode> items = reads.allProjects(context.user(), query, context.locale());
        // the answer's date when asOf was left to the service's default (today in the city)
        String day = asOf == null || asOf.isBlank()
                ? reads.read(context.user(), Backend.FUNNEL, "/api/projects", query("size", "1", "district", scope),
                        context.locale()).path("asOf").asString()
                : asOf;
        Downloads.xlsx(response, fileName(context, "export.projects", day), "groundbreak-projects-" + day + ".xlsx");
        new ProjectsExport(day, scope, chain, stage, figure, stalledDays, cohort, outcome, reached, reported, items)
                .write(context, response.getOutputStream());
    }

    /** Every lit project of the filter (all pages of GET /api/supervision/lights) and the counts per district and chain. */
    @GetMapping("/web/export/lights.xlsx")
    void lights(@RequestParam(required = false) String asOf, @RequestParam(required = false) String district,
                @RequestParam(required = false) String chain, @RequestParam(required = false) String light,
                Authentication authentication, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportContext context = context(authentication, request);
        String scope = context.user().district().orElse(district);
        List<JsonNode> items = new ArrayList<>();
        JsonNode first = null;
        for (int page = 0; first == null || page < first.path("totalPages").asLong(0); page++) {
            JsonNode answer = reads.read(context.user(), Backend.FUNNEL, "/api/supervision/lights", query("asOf", asOf,
                    "district", scope, "chain", chain, "light", light, "page", String.valueOf(page), "size", "1000"),
                    context.locale());
            first = first == null ? answer : first;
            answer.path("items").forEach(items::add);
        }
        String day = first.path("asOf").asString();
        Downloads.xlsx(response, fileName(context, "export.lights", day), "groundbreak-lights-" + day + ".xlsx");
        new LightsExport(day, scope, chain, light, first, items).write(context, response.getOutputStream());
    }

    /**
     * Progress against the targets (issue 19 item 1): GET /api/supervision/targets per district, chain and cell, and the
     * scope's history of the targets, as the user (a district office: its own district).
     */
    @GetMapping("/web/export/targets.xlsx")
    void targets(@RequestParam(required = false) String year, @RequestParam(required = false) String asOf,
                 @RequestParam(required = false) String district, @RequestParam(required = false) String chain,
                 Authentication authentication, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportContext context = context(authentication, request);
        String scope = context.user().district().orElse(district);
        JsonNode answer = reads.read(context.user(), Backend.FUNNEL, "/api/supervision/targets",
                query("year", year, "asOf", asOf, "district", scope, "chain", chain), context.locale());
        String theYear = answer.path("year").asString();
        JsonNode history = reads.read(context.user(), Backend.FUNNEL, "/api/supervision/targets/history",
                query("year", theYear, "district", scope, "chain", chain), context.locale());
        String day = answer.path("asOf").asString();
        Downloads.xlsx(response, fileName(context, "export.targets", theYear + "-" + day),
                "groundbreak-targets-" + asciiOnly(theYear + "-" + day) + ".xlsx");
        new TargetsExport(scope, chain, answer, history, FreshnessNote.leastFresh(List.of(answer)))
                .write(context, response.getOutputStream());
    }

    @GetMapping("/web/export/history.xlsx")
    void history(@RequestParam(required = false) String project, Authentication authentication,
                 HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportContext context = context(authentication, request);
        String id = project == null ? "" : project.strip();
        JsonNode history = reads.read(context.user(), Backend.AUDIT,
                "/api/audit/projects/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/history",
                Map.of(), context.locale());
        Downloads.xlsx(response, fileName(context, "export.history", id), "groundbreak-history-" + asciiOnly(id) + ".xlsx");
        new HistoryExport(id, history.path("events"), FreshnessNote.leastFresh(List.of(history)))
                .write(context, reads, response.getOutputStream());
    }

    /** A district's month (issue 19's monthly close): audit-service's answer as the user, a district office its own. */
    @GetMapping("/web/export/period.xlsx")
    void period(@RequestParam(required = false) String period, @RequestParam(required = false) String district,
                Authentication authentication, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ExportContext context = context(authentication, request);
        String month = period == null ? "" : period.strip();
        JsonNode report = reads.read(context.user(), Backend.AUDIT,
                "/api/periods/" + URLEncoder.encode(month, StandardCharsets.UTF_8).replace("+", "%20"),
                query("district", context.user().district().orElse(district)), context.locale());
        String name = report.path("period").asString() + "-" + report.path("district").asString();
        Downloads.xlsx(response, fileName(context, "export.sheet.period", name), "groundbreak-period-" + asciiOnly(name) + ".xlsx");
        new PeriodExport(report, FreshnessNote.leastFresh(List.of(report))).write(context, response.getOutputStream());
    }

    private ExportContext context(Authentication authentication, HttpServletRequest request) {
        String lang = request.getParameter("lang");
        Locale locale = lang == null || lang.isBlank() ? ExcelTexts.of(request)
                : "en".equalsIgnoreCase(lang.strip()) ? Locale.ENGLISH : ExcelTexts.CHINESE;
        return new ExportContext(CurrentUser.of(authentication), locale, clock.instant(), texts, referenceData);
    }

    private static String fileName(ExportContext context, String view, String suffix) {
        return context.text(view) + "-" + suffix + ".xlsx";
    }

    private static String asciiOnly(String text) {
        return text.replaceAll("[^A-Za-z0-9-]", "");
    }

    private static Map<String, String> query(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }
}
