package io.groundbreak.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHeaders;

class CloudEventMessagesTest {

    @Test
    void rawBytesAreReadAsUtf8TextAndNonTextHeadersAreLeftOut() {
        MessageHeaders headers = new MessageHeaders(Map.of(
                "ce_recordedby", "区招商部门".getBytes(StandardCharsets.UTF_8),
                "ce_type", "MilestoneRecorded",
                "kafka_receivedPartitionId", 3));

        assertThat(CloudEventMessages.asText(headers))
                .containsEntry("ce_recordedby", "区招商部门")
                .containsEntry("ce_type", "MilestoneRecorded")
                .doesNotContainKey("kafka_receivedPartitionId");
    }
}
