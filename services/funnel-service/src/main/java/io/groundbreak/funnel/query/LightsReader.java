package io.groundbreak.funnel.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Lights are computed per request from the project list of the date (one query over the filter's projects): they
 * depend on the day asked for and on configurable thresholds, so nothing about them is stored.
 */
@Component
public class LightsReader {

    private static final Comparator<LitProject> WORST_FIRST = Comparator
            .comparing((LitProject lit) -> lit.light().light(), Comparator.reverseOrder())
            .thenComparing(lit -> lit.project().code())
            .thenComparing(lit -> lit.project().projectId().toString());

    private final ProjectReader projects;
    private final LightRules rules;

    LightsReader(ProjectReader projects, LightRules rules) {
        this.projects = projects;
        this.rules = rules;
    }

    public Lights lights(FunnelFilter filter, Optional<Light> only) {
        List<LitProject> items = new ArrayList<>();
        LightCounts total = LightCounts.NONE;
        Map<String, LightCounts> byDistrict = new LinkedHashMap<>();
        Map<String, LightCounts> byChain = new LinkedHashMap<>();
        for (ProjectSummary project : projects.all(filter)) {
            Optional<ProjectLight> light = rules.of(project, filter.asOf());
            if (light.isEmpty()) {
                continue;
            }
            Light colour = light.get().light();
            total = total.plus(colour);
            byDistrict.merge(project.district(), LightCounts.NONE.plus(colour), LightCounts::plus);
            byChain.merge(project.chain(), LightCounts.NONE.plus(colour), LightCounts::plus);
            if (only.isEmpty() || only.get() == colour) {
                items.add(new LitProject(project, light.get()));
            }
        }
        items.sort(WORST_FIRST);
        return new Lights(List.copyOf(items), total, byDistrict, byChain);
    }
}
