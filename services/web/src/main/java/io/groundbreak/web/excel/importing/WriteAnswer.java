package io.groundbreak.web.excel.importing;

import tools.jackson.databind.JsonNode;

/** milestone-service's answer to a row: status, JSON body (problem+json for a refusal), and whether it was replayed. */
record WriteAnswer(int status, JsonNode body, boolean replayed) {
}
