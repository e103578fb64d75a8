package io.groundbreak.web.excel.importing;

import java.util.Map;

/**
 * One write of milestone-service that a row asks for: the action, the project's code (which the write's
 * project id is resolved from), the stage of a correction's or retraction's path, and the JSON body;
 * {@code canonical} is the row's content as read, from which its Idempotency-Key is derived.
 */
record RowWrite(int row, ImportAction action, String code, String pathStage, Map<String, Object> body,
                String canonical) implements ParsedRow {
}
