package io.groundbreak.funnel.query;

/** How many projects have each light. */
public record LightCounts(long green, long amber, long red) {

    public static final LightCounts NONE = new LightCounts(0, 0, 0);

    public LightCounts plus(Light light) {
        return new LightCounts(green + (light == Light.GREEN ? 1 : 0), amber + (light == Light.AMBER ? 1 : 0),
                red + (light == Light.RED ? 1 : 0));
    }

    public LightCounts plus(LightCounts other) {
        return new LightCounts(green + other.green, amber + other.amber, red + other.red);
    }

    public long total() {
        return green + amber + red;
    }
}
