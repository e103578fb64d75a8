package io.groundbreak.milestone.publishing;

import io.groundbreak.events.CloudEventHeaders;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class TopicConfig {

    /**
     * Created at start when missing (Spring Kafka's KafkaAdmin); a project's events share a partition by key. With
     * acks=all, a write is acknowledged once min.insync.replicas replicas hold it (a topic that exists keeps its settings).
     */
    @Bean
    NewTopic projectEventsTopic(@Value("${groundbreak.publisher.topic-partitions:6}") int partitions,
                              @Value("${groundbreak.publisher.topic-replicas:1}") int replicas,
                              @Value("${groundbreak.publisher.topic-min-insync-replicas:1}") int minInSyncReplicas) {
        return TopicBuilder.name(CloudEventHeaders.TOPIC).partitions(partitions).replicas(replicas)
                .config(org.apache.kafka.common.config.TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                        String.valueOf(minInSyncReplicas))
                .build();
    }
}
