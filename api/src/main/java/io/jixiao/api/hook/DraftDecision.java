package io.jixiao.api.hook;

import io.jixiao.api.goal.Gate;
import io.jixiao.api.goal.GateMode;
import java.util.List;
import java.util.Objects;

/**
 * The compilation or adjustment gate's answer for a whole draft: one decision per line, in the draft's order.
 *
 * @param gate which gate
 * @param mode the gate's mode in the region that day
 * @param ruleVersion the rules that decided
 * @param lines one decision per project line
 * @param blocked how many lines may not go on (0 in WARN and OFF mode)
 * @param flagged how many lines have reasons (also in WARN mode)
 *
 * @since 1.3.0 (in {@code io.jixiao.api.goal} before)
 */
public record DraftDecision(Gate gate, GateMode mode, String ruleVersion, List<GateDecision> lines, int blocked,
        int flagged) {
    public DraftDecision {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(ruleVersion, "ruleVersion");
        lines = List.copyOf(lines);
    }
}
