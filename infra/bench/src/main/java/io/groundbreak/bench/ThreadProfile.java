package io.groundbreak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What some of a JVM's threads spent their CPU on during a window, from the flight recording of that JVM
 * ({@code -Dbench.jfr=true}): every execution sample of a thread the profile selects by name is put in the category
 * of the innermost frame (nearest the running code) that names one, so that the shares add up to 100 %.
 */
final class ThreadProfile {

    /**
     * A write path's HTTP threads. The same categories apply to milestone-service and to the plain-Axon baseline: what
     * both do (JSON, MVC, Axon, the JPA append, the commit) and what only Groundbreak does (authentication, the code
     * claim, idempotency, the hash chain).
     */
    static final ThreadProfile HTTP = new ThreadProfile(List.of("http-nio"), List.of(
            Map.entry("hash chain (canonical JSON, SHA-256)", List.of("io.groundbreak.events.HashChain",
                    "io.groundbreak.events.CanonicalJson")),
            Map.entry("event store append (JPA insert)", List.of(
                    "org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine")),
            Map.entry("transaction commit", List.of("org.springframework.transaction.support.AbstractPlatformTransactionManager.commit",
                    "org.hibernate.engine.transaction.internal.TransactionImpl.commit")),
            Map.entry("project code claim", List.of("io.groundbreak.milestone.project.code")),
            Map.entry("Axon command handling (aggregate, unit of work)", List.of("org.axonframework")),
            Map.entry("Idempotency-Key and transaction", List.of("io.groundbreak.milestone.idempotency")),
            Map.entry("request JSON", List.of(
                    "org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodArgumentResolver.readWithMessageConverters")),
            Map.entry("bean validation", List.of("org.hibernate.validator", "org.springframework.validation")),
            Map.entry("answer JSON", List.of(
                    "org.springframework.web.servlet.mvc.method.annotation.AbstractMessageConverterMethodProcessor.writeWithMessageConverters")),
            Map.entry("controller and Spring MVC", List.of("org.springframework.web.servlet.DispatcherServlet.doDispatch")),
            Map.entry("authentication (HTTP Basic)", List.of("org.springframework.security.authentication",
                    "io.groundbreak.kit.security")),
            Map.entry("security filter chain", List.of("org.springframework.security")),
            Map.entry("observations and metrics", List.of("io.micrometer"))),
            "Tomcat, HTTP and the rest");

    /**
     * milestone-service's publisher: the threads of Axon's pooled streaming processor for the processing group
     * "kafka-publisher" (Axon names them {@code Coordinator[kafka-publisher]-N} and {@code WorkPackage[kafka-publisher]-N})
     * and the Kafka producer's network thread (the service's only producer). Hibernate and JDBC frames name no
     * category, so that a query counts where Axon made it: reading the events or storing the token.
     */
    static final ThreadProfile PUBLISHER = new ThreadProfile(List.of("WorkPackage[kafka-publisher]",
            "Coordinator[kafka-publisher]", "kafka-producer-network-thread"), List.of(
            Map.entry("hash check (canonical JSON, SHA-256)", List.of("io.groundbreak.events.HashChain",
                    "io.groundbreak.events.CanonicalJson")),
            Map.entry("record from the stored JSON (body, envelope fields, headers)", List.of(
                    "io.groundbreak.milestone.publishing.StoredEventRecords", "io.groundbreak.events.CloudEventHeaders",
                    "io.groundbreak.milestone.envelope", "io.groundbreak.events.EventTime")),
            Map.entry("Kafka send (producer, batching, network)", List.of("org.apache.kafka", "org.springframework.kafka")),
            Map.entry("store read (Axon's JPA engine, its queries and entries)", List.of(
                    "org.axonframework.eventsourcing.eventstore", "io.groundbreak.milestone.publishing.SignallingEventSource")),
            Map.entry("token and transaction commit", List.of("org.axonframework.eventhandling.tokenstore",
                    "org.axonframework.spring.messaging.unitofwork", "org.springframework.transaction",
                    "org.springframework.orm")),
            Map.entry("Axon metadata and serializer", List.of("org.axonframework.serialization",
                    "org.axonframework.messaging.MetaData")),
            Map.entry("Axon processor (coordinator, work package, unit of work, handler invocation)",
                    List.of("org.axonframework"))),
            "JDK, Hibernate outside Axon's frames and the rest");

    private final List<String> threadNamePrefixes;
    /** In the order they are looked for in each frame; the first category whose marker a frame's method starts with. */
    private final List<Map.Entry<String, List<String>>> categories;
    private final String rest;

    private ThreadProfile(List<String> threadNamePrefixes, List<Map.Entry<String, List<String>>> categories, String rest) {
        this.threadNamePrefixes = threadNamePrefixes;
        this.categories = categories;
        this.rest = rest;
    }

    /**
     * Dumps the JVM's running recording "bench" ({@link ServiceJvm}'s) and returns each category's share of the
     * selected threads' samples between the two instants, in per cent, with "samples" (their number); empty when there
     * is no recording.
     */
    Map<String, Object> of(long pid, Path dump, Instant from, Instant to) {
        Map<String, Object> shares = new LinkedHashMap<>();
        if (pid <= 0 || !dumped(pid, dump)) {
            return shares;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        categories.forEach(category -> counts.put(category.getKey(), 0));
        counts.put(rest, 0);
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(dump)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from)
                        || event.getStartTime().isAfter(to) || event.getStackTrace() == null) {
                    continue;
                }
                var thread = event.getThread("sampledThread");
                if (thread == null || !selects(thread.getJavaName())) {
                    continue;
                }
                samples++;
                counts.merge(category(methods(event.getStackTrace().getFrames())), 1, Integer::sum);
            }
        } catch (IOException e) {
            return shares;
        }
        shares.put("samples", samples);
        int total = samples;
        counts.forEach((category, count) -> shares.put(category,
                String.format(Locale.ROOT, "%.1f %%", total == 0 ? 0.0 : 100.0 * count / total)));
        return shares;
    }

    /** Whether a thread of this Java name is one the profile is about. */
    boolean selects(String threadName) {
        return threadName != null && threadNamePrefixes.stream().anyMatch(threadName::startsWith);
    }

    /** The category of the innermost method that names one; methods ({@code type.method}) come leaf first. */
    String category(List<String> methods) {
        for (String method : methods) {
            for (Map.Entry<String, List<String>> category : categories) {
                for (String marker : category.getValue()) {
                    if (method.startsWith(marker)) {
                        return category.getKey();
                    }
                }
            }
        }
        return rest;
    }

    private static List<String> methods(List<RecordedFrame> frames) {
        List<String> methods = new ArrayList<>(frames.size());
        for (RecordedFrame frame : frames) {
            if (frame.getMethod() != null) {
                methods.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
        }
        return methods;
    }

    private static boolean dumped(long pid, Path dump) {
        try {
            Files.deleteIfExists(dump);
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "JFR.dump", "name=bench",
                    "filename=" + dump.toAbsolutePath()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return jcmd.waitFor(120, TimeUnit.SECONDS) && jcmd.exitValue() == 0 && Files.exists(dump);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
