package io.groundbreak.audit.funnel.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The whole city, or one district, or one chain, or both. */
public record FunnelScope(Optional<String> district, Optional<String> chain) {

    public static final FunnelScope CITY = new FunnelScope(Optional.empty(), Optional.empty());

    public static FunnelScope district(String code) {
        return new FunnelScope(Optional.of(code), Optional.empty());
    }

    public static FunnelScope chain(String code) {
        return new FunnelScope(Optional.empty(), Optional.of(code));
    }

    boolean includes(ProjectState project) {
        return district.map(project.district()::equals).orElse(true) && chain.map(project.chain()::equals).orElse(true);
    }

    /** How an answer names the scope: {@code city}, {@code district=120116}, {@code chain=new-energy}, or both. */
    public String label() {
        List<String> parts = new ArrayList<>();
        district.ifPresent(code -> parts.add("district=" + code));
        chain.ifPresent(code -> parts.add("chain=" + code));
        return parts.isEmpty() ? "city" : String.join(",", parts);
    }
}
