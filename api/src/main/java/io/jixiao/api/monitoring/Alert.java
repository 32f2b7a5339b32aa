package io.jixiao.api.monitoring;

import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A round's result for one project (or, where the region monitors whole departments, one department): the figures,
 * the light, what it entails, and where its rectification stands. GREEN results are kept too: they are the
 * monitoring form's rows.
 *
 * @param id the result's id
 * @param roundId the round
 * @param mofDivCode the fiscal region
 * @param fiscalYear the budget year
 * @param proCode the project, or {@code null} for a department
 * @param agencyCode the implementing unit, or {@code null} for a department
 * @param deptCode the competent department
 * @param budgeted yuan budgeted (project expenditure lines only)
 * @param paid yuan paid up to the cut-off
 * @param executionRate paid of budgeted, percent (2 decimals)
 * @param timeProgress the share of the year elapsed at the cut-off, percent (2 decimals)
 * @param findings what was found
 * @param level the light: the most severe level of the findings
 * @param consequences what the level entails under the region's rules (empty in OFF mode)
 * @param enforced whether HOLD or STOP were applied (ENFORCE mode); in WARN mode they are reported only
 * @param holdId the hold placed for it (or the project's hold already active), or {@code null}
 * @param status where it stands
 * @param rectification the unit's account of its rectification, or {@code null}
 * @param createdAt when the round wrote it
 */
public record Alert(long id, long roundId, MofDivCode mofDivCode, FiscalYear fiscalYear, ProCode proCode,
        AgencyCode agencyCode, String deptCode, BigDecimal budgeted, BigDecimal paid, BigDecimal executionRate,
        BigDecimal timeProgress, Set<Finding> findings, AlertLevel level, Set<Consequence> consequences,
        boolean enforced, Long holdId, AlertStatus status, String rectification, Instant createdAt) {
    public Alert {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(status, "status");
        findings = findings.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(findings));
        consequences = consequences.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(consequences));
    }

    /** @return whether this is a department's result (整体监控) rather than a project's */
    public boolean department() {
        return proCode == null;
    }

    /** @return the same result in another status */
    public Alert withStatus(AlertStatus next, String rectificationText) {
        return new Alert(id, roundId, mofDivCode, fiscalYear, proCode, agencyCode, deptCode, budgeted, paid,
                executionRate, timeProgress, findings, level, consequences, enforced, holdId, next,
                rectificationText, createdAt);
    }
}
