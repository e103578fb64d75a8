package io.groundbreak.bench;

/**
 * What district clients achieved in a measured window.
 *
 * @param events     writes answered 201 within the window
 * @param seconds    the window's length
 * @param latencies  of those writes, request sent to answer read
 * @param errors     answers other than 201 (and failed requests), in the window or not
 * @param firstError the first of them, for the report
 */
record LoadResult(long events, double seconds, Latencies latencies, long errors, String firstError) {

    double eventsPerSecond() {
        return events / seconds;
    }
}
