package io.groundbreak.funnel.deadletter;

/** No dead letter has this id. */
public class UnknownDeadLetter extends RuntimeException {

    public UnknownDeadLetter(long id) {
        super("no dead letter " + id);
    }
}
