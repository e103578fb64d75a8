package io.groundbreak.funnel.query;

import java.util.UUID;

/**
 * The other project of a pair decided to be one investment; code and district null while that project is not in the
 * read model (a decision may come before its events).
 */
public record DuplicateMark(UUID projectId, String code, String district) {
}
