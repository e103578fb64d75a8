package io.groundbreak.funnel;

import io.groundbreak.testsupport.kafka.ShortTopicStart;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The binder never adds partitions to the topic (auto-add-partitions false in application.yml): a topic with fewer
 * than min-partition-count (6) stops funnel-service's start with a message naming it, and keeps its partitions. With
 * partitions added, a project's key would map to another partition than its events already on the topic.
 */
class TopicPartitionsIT {

    @Test
    void aTopicWithFewerPartitionsStopsTheStartAndKeepsItsPartitions() throws Exception {
        ShortTopicStart.assertRefused("funnel_short_topic", "projectEvents-in-0", arguments ->
                new SpringApplicationBuilder(FunnelServiceApplication.class).profiles("local").run(arguments).close());
    }
}
