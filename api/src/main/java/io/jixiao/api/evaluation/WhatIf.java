package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The effect a policy table would have on the target year's requested amounts, written nowhere.
 *
 * @param targetYear the budget year it would change
 * @param policyVersion the policy evaluated (the region's, or the region's with the proposed rows)
 * @param region the totals of the region
 * @param departments the totals of each department, by code
 * @param notInDraft evaluated projects absent from the target year's compilation
 * @param notRectified projects whose rectification case is not closed RECTIFIED now, so that the region's
 *        {@code result.notRectified.action.*} applies to them (since 2.1.0)
 * @param regionIfRectified the region's totals were every case closed RECTIFIED: the normal policy for all (since
 *        2.1.0)
 */
public record WhatIf(int targetYear, String policyVersion, Totals region, List<Totals> departments, int notInDraft,
        int notRectified, Totals regionIfRectified) {
    public WhatIf {
        departments = List.copyOf(departments);
        regionIfRectified = regionIfRectified == null ? region : regionIfRectified;
    }

    /** A what-if without the results not rectified, as 2.0.0 made it. */
    public WhatIf(int targetYear, String policyVersion, Totals region, List<Totals> departments, int notInDraft) {
        this(targetYear, policyVersion, region, departments, notInDraft, 0, region);
    }

    /**
     * @param code the department's code, or the region's
     * @param projects evaluated projects in the draft
     * @param requested their requested amounts
     * @param change the sum of the changes (0 or negative)
     * @param result requested + change
     * @param cut how many of them would be cut (or cancelled)
     */
    public record Totals(String code, int projects, BigDecimal requested, BigDecimal change, BigDecimal result,
            int cut) {
    }
}
