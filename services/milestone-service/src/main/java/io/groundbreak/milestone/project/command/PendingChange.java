package io.groundbreak.milestone.project.command;

import io.groundbreak.events.ProjectEvent;

/** A requested change awaiting a second person: who asked, and the event it would record. */
record PendingChange(String requester, ProjectEvent change) {
}
