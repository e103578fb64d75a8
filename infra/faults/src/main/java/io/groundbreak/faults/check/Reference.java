package io.groundbreak.faults.check;

import io.groundbreak.faults.load.Acknowledged;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the district clients were told (their 201s), and the funnel that follows from it: the reference every
 * store and view is checked against. The load's projects reach their stages in order with dates in the past
 * and are never terminated, so a project's funnel position is the highest stage it was told it recorded.
 */
public final class Reference {

    public static final int STAGES = 5;

    private record ProjectState(String district, String chain, BigDecimal planned, int highestStage) {
    }

    private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
    private final Map<UUID, ProjectState> projects = new ConcurrentHashMap<>();

    public void add(Acknowledged ack) {
        acknowledged.add(ack);
        projects.merge(ack.projectId(), new ProjectState(ack.district(), ack.chain(), ack.plannedInvestmentCny(), ack.stage()),
                (known, update) -> update.highestStage() > known.highestStage() ? update : known);
    }

    public List<Acknowledged> of(String scenario) {
        return acknowledged.stream().filter(ack -> ack.scenario().equals(scenario)).toList();
    }

    public List<Acknowledged> all() {
        return List.copyOf(acknowledged);
    }

    /** The funnel of {@code chain} per district: stage 0 … 4 for each district given. */
    public Map<String, List<StageFigures>> funnelOf(String chain, List<String> districts) {
        Map<String, List<StageFigures>> funnel = new LinkedHashMap<>();
        for (String district : districts) {
            long[] reached = new long[STAGES];
            long[] current = new long[STAGES];
            BigDecimal[] investment = new BigDecimal[STAGES];
            java.util.Arrays.fill(investment, BigDecimal.ZERO);
            for (ProjectState project : projects.values()) {
                if (!project.chain().equals(chain) || !project.district().equals(district) || project.highestStage() < 0) {
                    continue;
                }
                current[project.highestStage()]++;
                for (int stage = 0; stage <= project.highestStage(); stage++) {
                    reached[stage]++;
                    investment[stage] = investment[stage].add(project.planned());
                }
            }
            List<StageFigures> stages = new ArrayList<>();
            for (int stage = 0; stage < STAGES; stage++) {
                stages.add(new StageFigures(reached[stage], current[stage], investment[stage].setScale(2)));
            }
            funnel.put(district, stages);
        }
        return funnel;
    }
}
