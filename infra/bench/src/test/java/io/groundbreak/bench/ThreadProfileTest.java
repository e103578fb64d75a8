package io.groundbreak.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadProfileTest {

    @Test
    void thePublishersThreadsAreAxonsPooledProcessorOfItsGroupAndTheProducersNetworkThread() {
        assertThat(ThreadProfile.PUBLISHER.selects("WorkPackage[kafka-publisher]-0")).isTrue();
        assertThat(ThreadProfile.PUBLISHER.selects("Coordinator[kafka-publisher]-0")).isTrue();
        assertThat(ThreadProfile.PUBLISHER.selects("kafka-producer-network-thread | producer-1")).isTrue();
        assertThat(ThreadProfile.PUBLISHER.selects("http-nio-8081-exec-3")).isFalse();
        assertThat(ThreadProfile.PUBLISHER.selects("WorkPackage[other-group]-0")).isFalse();
        assertThat(ThreadProfile.HTTP.selects("http-nio-8081-exec-3")).isTrue();
    }

    @Test
    void aSampleCountsWhereTheInnermostFrameThatNamesACategoryPutsIt() {
        // leaf first: SHA-256 inside the hash check inside the record's building, inside Axon's handler invocation
        assertThat(ThreadProfile.PUBLISHER.category(List.of("sun.security.provider.SHA2.implCompress",
                "io.groundbreak.events.HashChain.hashOfJson",
                "io.groundbreak.milestone.publishing.StoredEventRecords.toRecord",
                "org.axonframework.eventhandling.AnnotationEventHandlerAdapter.handle")))
                .isEqualTo("hash check (canonical JSON, SHA-256)");
        // a query counts where Axon made it: Hibernate and JDBC frames name no category
        assertThat(ThreadProfile.PUBLISHER.category(List.of("org.postgresql.core.v3.QueryExecutorImpl.execute",
                "org.hibernate.query.sqm.internal.ConcreteSqmSelectQueryPlan.performList",
                "org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore.storeToken")))
                .isEqualTo("token and transaction commit");
        assertThat(ThreadProfile.PUBLISHER.category(List.of("org.postgresql.core.v3.QueryExecutorImpl.execute",
                "org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine.fetchTrackedEvents")))
                .isEqualTo("store read (Axon's JPA engine, its queries and entries)");
        assertThat(ThreadProfile.PUBLISHER.category(List.of("java.lang.Thread.run")))
                .isEqualTo("JDK, Hibernate outside Axon's frames and the rest");
    }
}
