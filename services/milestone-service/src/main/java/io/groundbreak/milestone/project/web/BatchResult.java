package io.groundbreak.milestone.project.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One action's answer, as its single endpoint would give it: the status, and either the answer's
 * {@code Location}, whether it was replayed from its Idempotency-Key and its body, or the problem.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BatchResult(int status, String location, Boolean replayed, Object body, Map<String, Object> problem) {
}
