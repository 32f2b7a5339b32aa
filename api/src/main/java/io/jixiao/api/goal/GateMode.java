package io.jixiao.api.goal;

/** How a gate acts in a region: a bureau pilots a gate in WARN before it enforces it. */
public enum GateMode {
    /** Not checked: everything passes (the decision is still recorded). */
    OFF,
    /** Decided and reported, never blocking. */
    WARN,
    /** Decided and enforced. */
    ENFORCE
}
