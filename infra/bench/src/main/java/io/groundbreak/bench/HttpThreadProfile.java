package io.groundbreak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a write path's HTTP threads spent their CPU on during a window, from the flight recording of its JVM
 * ({@code -Dbench.jfr=true}): every execution sample of a thread named {@code http-nio-…} is put in the category of
 * the innermost frame (nearest the running code) that names one, so that the shares add up to 100 %. The same
 * categories apply to milestone-service and to the plain-Axon baseline: what both do (JSON, MVC, Axon, the JPA
 * append, the commit) and what only Groundbreak does (authentication, the code claim, idempotency, the hash chain).
 */
final class HttpThreadProfile {

    /** In the order they are looked for in each frame; the first category whose marker a frame's method starts with. */
    private static final List<Map.Entry<String, List<String>>> CATEGORIES = List.of(
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
            Map.entry("observations and metrics", List.of("io.micrometer")));
    private static final String REST = "Tomcat, HTTP and the rest";

    private HttpThreadProfile() {
    }

    /**
     * Dumps the JVM's running recording "bench" ({@link ServiceJvm}'s) and returns each category's share of the HTTP
     * threads' samples between the two instants, in per cent, with "samples" (their number); empty when there is no
     * recording.
     */
    static Map<String, Object> of(long pid, Path dump, Instant from, Instant to) {
        Map<String, Object> shares = new LinkedHashMap<>();
        if (pid <= 0 || !dumped(pid, dump)) {
            return shares;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        CATEGORIES.forEach(category -> counts.put(category.getKey(), 0));
        counts.put(REST, 0);
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(dump)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from)
                        || event.getStartTime().isAfter(to) || event.getStackTrace() == null) {
                    continue;
                }
                var thread = event.getThread("sampledThread");
                if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith("http-nio")) {
                    continue;
                }
                samples++;
                counts.merge(category(event.getStackTrace().getFrames()), 1, Integer::sum);
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

    /** The category of the innermost frame that names one; frames come leaf first. */
    static String category(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod() == null) {
                continue;
            }
            String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            for (Map.Entry<String, List<String>> category : CATEGORIES) {
                for (String marker : category.getValue()) {
                    if (method.startsWith(marker)) {
                        return category.getKey();
                    }
                }
            }
        }
        return REST;
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
