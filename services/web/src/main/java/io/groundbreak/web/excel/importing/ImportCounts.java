package io.groundbreak.web.excel.importing;

/** How many rows came out how. */
public record ImportCounts(int accepted, int replayed, int refused, int skipped, int unconfirmed) {
}
