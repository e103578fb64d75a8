package io.groundbreak.funnel.query;

/** A project's light (亮灯), worst last: docs/funnel.md "Lights". */
public enum Light {
    GREEN, AMBER, RED
}
