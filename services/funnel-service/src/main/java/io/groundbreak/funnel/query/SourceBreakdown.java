package io.groundbreak.funnel.query;

import io.groundbreak.events.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The funnel split by project source (schema 1.1), from the project list of the date: funnel_delta is pre-aggregated
 * by district and chain only, so a source's funnel costs a pass over the filter's projects (a city's few thousand).
 * Projects without a recorded source are counted under {@link #NO_SOURCE}.
 */
@Component
public class SourceBreakdown {

    /** The key of the projects that recorded no source. */
    public static final String NO_SOURCE = "";

    private final ProjectReader projects;

    SourceBreakdown(ProjectReader projects) {
        this.projects = projects;
    }

    /** A funnel per code asked for (zeros included), in their order; a code not asked for is left out. */
    public Map<String, Funnel> bySource(FunnelFilter filter, List<String> codes) {
        Map<String, List<StageTally>> tallies = new LinkedHashMap<>();
        for (ProjectSummary project : projects.all(filter)) {
            Stage stage = project.stage();
            if (stage != null) {
                String source = project.source() == null ? NO_SOURCE : project.source();
                tallies.computeIfAbsent(source, code -> new ArrayList<>()).add(new StageTally(stage,
                        project.status() == ProjectStatus.TERMINATED, 1, project.plannedInvestmentCny()));
            }
        }
        Map<String, Funnel> funnels = new LinkedHashMap<>();
        for (String code : codes) {
            funnels.put(code, Funnel.of(filter.asOf(), tallies.getOrDefault(code, List.of())));
        }
        return funnels;
    }
}
