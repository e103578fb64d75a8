package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.TargetValues;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** GET /api/supervision/targets/history: every change of the year's cells in the scope, newest first. */
record TargetHistoryAnswer(int year, List<Change> changes) {

    /** One cell as one TargetsSet event set it: the whole target it gave the cell (a measure null: none). */
    record Change(UUID eventId, Instant time, String recordedBy, String reason, Label district, Label chain,
                  TargetValues target) {
    }
}
