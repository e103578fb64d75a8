package io.groundbreak.demo.generate;

/** Something that happens in a generated project's story besides moving up the funnel. */
enum Incident {
    /** a stage posted with a wrong date (or amount), then corrected */
    CORRECTION,
    /** a stage posted too early, retracted, and posted again when it really happened */
    PREMATURE_RETRACTION,
    /** the stage above the project's last one posted by mistake, then retracted */
    OVER_REPORT,
    /** the project's only stage retracted: registered, yet not in the funnel */
    ONLY_STAGE_RETRACTED,
    /** suspended between two stages and resumed before the next */
    SUSPENDED_AND_RESUMED,
    /** suspended after its last stage and still suspended at the end of 2023 */
    SUSPENDED_AT_END,
    /** terminated after its last stage */
    TERMINATED,
    /** suspended after its last stage, then terminated */
    TERMINATED_AFTER_SUSPENSION,
    /** its last stage was reached early (2021 to early 2022) and nothing moved since */
    STALLED,
    /** its details amended once */
    AMENDED;

    /** At most one of these per project: each decides how the story ends. */
    boolean endsTheStory() {
        return this == OVER_REPORT || this == SUSPENDED_AT_END || this == TERMINATED
                || this == TERMINATED_AFTER_SUSPENSION || this == STALLED;
    }
}
