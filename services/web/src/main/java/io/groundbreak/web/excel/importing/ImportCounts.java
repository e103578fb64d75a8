package io.groundbreak.web.excel.importing;

/** How many rows came out how ({@code submitted}: waiting for the district's reviewer). */
public record ImportCounts(int accepted, int submitted, int replayed, int refused, int skipped, int unconfirmed) {
}
