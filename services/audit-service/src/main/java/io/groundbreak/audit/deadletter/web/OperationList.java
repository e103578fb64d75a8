package io.groundbreak.audit.deadletter.web;

import io.groundbreak.audit.ledger.store.DeadLetterOperation;
import java.util.List;

record OperationList(List<DeadLetterOperation> operations) {
}
