package io.groundbreak.funnel.query;

/** What the project list can be sorted by; ties are broken by project id. */
public enum ProjectSort {
    CODE("code COLLATE \"C\""),
    NAME("name COLLATE \"C\""),
    DISTRICT("district COLLATE \"C\""),
    CHAIN("chain COLLATE \"C\""),
    STAGE("stage"),
    STAGE_SINCE("stage_since"),
    PLANNED_INVESTMENT("planned_investment_cny");

    /** Byte order ("C"), so that every client and the tests sort text the same way. */
    final String column;

    ProjectSort(String column) {
        this.column = column;
    }
}
