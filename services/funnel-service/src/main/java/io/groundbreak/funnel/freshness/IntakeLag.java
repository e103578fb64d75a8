package io.groundbreak.funnel.freshness;

/** The consumer group's lag behind the topic, as the messaging adapter last read it. */
public interface IntakeLag {

    /** Records of the topic the group has not committed yet; null when unknown. Never waits for the broker. */
    Long recordsBehind();
}
