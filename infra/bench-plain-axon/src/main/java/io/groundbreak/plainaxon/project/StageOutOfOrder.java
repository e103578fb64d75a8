package io.groundbreak.plainaxon.project;

/** A milestone not above the project's highest stage (the one rule the baseline keeps). */
public class StageOutOfOrder extends RuntimeException {

    public StageOutOfOrder(Stage stage, Stage highest) {
        super("stage " + stage + " must be above the highest recorded stage " + highest);
    }
}
