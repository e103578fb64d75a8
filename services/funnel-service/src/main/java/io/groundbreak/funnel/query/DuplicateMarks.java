package io.groundbreak.funnel.query;

import java.util.List;

/**
 * A project's place in the duplicate decisions: the primary it is a duplicate of (null if none; the first by id when
 * several pairs say so), and the duplicates it is the primary of.
 */
public record DuplicateMarks(DuplicateMark duplicateOf, List<DuplicateMark> duplicates) {

    public static final DuplicateMarks NONE = new DuplicateMarks(null, List.of());
}
