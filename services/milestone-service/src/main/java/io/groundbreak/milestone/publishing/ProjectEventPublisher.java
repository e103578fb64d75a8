package io.groundbreak.milestone.publishing;

import io.groundbreak.events.ProjectEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event, in store order, to groundbreak.project-events.v1: key = projectId,
 * envelope as CloudEvents binary-mode headers, body as canonical JSON.
 * <p>
 * At-least-once and fast: the events of a processor batch are sent without waiting, and the batch's
 * unit of work awaits every acknowledgement before it commits the token. A send that fails fails the
 * batch, so the token stays before it and the batch is sent again (consumers skip duplicates).
 * KafkaTemplate rather than Spring Cloud Stream's StreamBridge: StreamBridge answers a send with a
 * boolean, and the binder reports asynchronous results on a separate channel without a handle per send.
 * <p>
 * Replays of the processor (a token reset) do not publish again: the topic already has those events.
 */
@Component
@ProcessingGroup(ProjectEventPublisher.PROCESSING_GROUP)
public class ProjectEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = ProjectEventPublisher.class.getName() + ".pendingSends";

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final StoredEventRecords records;
    private final Duration ackTimeout;
    /** How the last batches went; replaced as a whole, so that a reader never sees half an update. */
    private volatile PublisherStatus status = new PublisherStatus(null, null, null, -1);

    ProjectEventPublisher(KafkaTemplate<byte[], byte[]> kafka, @Qualifier("eventSerializer") Serializer eventSerializer,
                          @Value("${groundbreak.publisher.ack-timeout:PT40S}") Duration ackTimeout) {
        this.kafka = kafka;
        this.records = new StoredEventRecords(eventSerializer);
        this.ackTimeout = ackTimeout;
    }

    @EventHandler(payloadType = ProjectEvent.class)
    @DisallowReplay
    void publish(DomainEventMessage<?> event, TrackingToken token, UnitOfWork<?> unitOfWork) {
        // the stored JSON read as stored (StoredEventRecords); a stored event that fails its hash throws here
        ProducerRecord<byte[], byte[]> record = records.toRecord(event);
        try {
            Batch batch = batch(unitOfWork.root());
            batch.sends.add(kafka.send(record));
            if (token != null) {
                batch.position = Math.max(batch.position, token.position().orElse(-1));
            }
        } catch (RuntimeException e) { // the producer refused at once (no metadata within max.block.ms)
            throw failed(new IllegalStateException("Kafka refused to send event " + event.getIdentifier(), e));
        }
    }

    /** The batch's sends, awaited once before its unit of work commits (and the token with it). */
    private Batch batch(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(committing -> awaitAll(batch));
            return batch;
        });
    }

    /** A processor batch: its sends, and the highest store position among its events. */
    private static final class Batch {
        final List<CompletableFuture<?>> sends = new ArrayList<>();
        long position = -1;
    }

    private void awaitAll(Batch batch) {
        try {
            CompletableFuture.allOf(batch.sends.toArray(CompletableFuture[]::new)).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            acknowledged(batch.position);
        } catch (ExecutionException e) {
            throw failed(new IllegalStateException("Kafka did not acknowledge every event of the batch", e.getCause()));
        } catch (TimeoutException e) {
            throw failed(new IllegalStateException("Kafka did not acknowledge the batch within " + ackTimeout, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(new IllegalStateException("interrupted while awaiting Kafka's acknowledgements", e));
        }
    }

    private synchronized void acknowledged(long position) {
        status = new PublisherStatus(null, null, Instant.now(), Math.max(position, status.acknowledgedPosition()));
    }

    /** Records the failure (the first of a run of failures sets failingSince) and returns it to be thrown. */
    private synchronized IllegalStateException failed(IllegalStateException failure) {
        PublisherStatus last = status;
        Throwable cause = failure.getCause();
        status = new PublisherStatus(last.failingSince() == null ? Instant.now() : last.failingSince(),
                failure.getMessage() + (cause == null ? "" : ": " + cause), last.lastAcknowledgedAt(),
                last.acknowledgedPosition());
        return failure;
    }

    /** How the last batches went, for the health details: since when they fail, and why. */
    PublisherStatus status() {
        return status;
    }

}
