package io.groundbreak.milestone.project.web;

import java.util.List;

/** Answer of {@code POST /api/batch}: one result per action, in the request's order. */
record BatchAnswer(List<BatchResult> results) {
}
