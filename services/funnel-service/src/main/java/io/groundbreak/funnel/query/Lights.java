package io.groundbreak.funnel.query;

import java.util.List;
import java.util.Map;

/**
 * The lights of a filter's projects on its date: the projects with a light (those of the light asked for, if one
 * was), red first, then amber, then green, each colour by code; and the counts of every light over the whole
 * filter, in total and per district and chain code (codes without a lit project left out).
 */
public record Lights(List<LitProject> items, LightCounts total, Map<String, LightCounts> byDistrict,
                     Map<String, LightCounts> byChain) {
}
