package io.groundbreak.audit.deadletter.web;

import io.groundbreak.audit.ledger.store.DeadLetter;
import java.util.List;

record DeadLetterList(List<DeadLetter> deadLetters) {
}
