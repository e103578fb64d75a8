package io.groundbreak.funnel.deadletter;

/** What one reprocess did to one dead letter: its status afterwards and what happened, in words. */
public record ReprocessResult(long id, String status, String outcome) {
}
