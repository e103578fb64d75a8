package io.groundbreak.audit.deadletter.web;

import io.groundbreak.kit.deadletter.DeadLetter;
import java.util.List;

record DeadLetterList(List<DeadLetter> deadLetters) {
}
