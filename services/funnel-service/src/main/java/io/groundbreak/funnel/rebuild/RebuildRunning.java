package io.groundbreak.funnel.rebuild;

/** A rebuild runs already, in this instance or another one. */
public class RebuildRunning extends RuntimeException {

    RebuildRunning() {
        super("a rebuild of the funnel read models is running already");
    }
}
