package io.jixiao.monitoring.internal;

import io.jixiao.api.goal.GateMode;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertStatus;
import io.jixiao.api.monitoring.Consequence;
import io.jixiao.api.monitoring.Finding;
import io.jixiao.api.monitoring.Forecast;
import io.jixiao.api.monitoring.MonitoringRules;
import io.jixiao.api.port.ProjectRecord;
import io.jixiao.store.MonitoringRepository.ReportSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Judges one project (or department) of a round by the region's monitoring rules: the execution gap against time
 * progress, the unit's forecasts, a missing report, an investment over its estimate. Plain arithmetic on the figures
 * it is given; no I/O.
 */
final class Judge {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final MonitoringRules rules;
    private final GateMode mode;
    private final BigDecimal timeProgress;
    private final boolean reportsOverdue;

    /**
     * @param rules the region's monitoring rules
     * @param mode the mode in force for the round
     * @param cutOff the round's cut-off
     * @param due the day reports were due, or {@code null}
     * @param today today, China time
     */
    Judge(MonitoringRules rules, GateMode mode, LocalDate cutOff, LocalDate due, LocalDate today) {
        this.rules = rules;
        this.mode = mode;
        this.timeProgress = timeProgress(cutOff);
        this.reportsOverdue = due != null && today.isAfter(due);
    }

    /**
     * @param cutOff a day of the year
     * @return the share of the year elapsed by the end of that day, percent with 2 decimals (31 July: 58.08)
     */
    static BigDecimal timeProgress(LocalDate cutOff) {
        return BigDecimal.valueOf(cutOff.getDayOfYear() * 100L).divide(BigDecimal.valueOf(cutOff.lengthOfYear()), 2,
                RoundingMode.HALF_UP);
    }

    /**
     * @return paid of budgeted, percent with 2 decimals; 0 when nothing is budgeted
     */
    static BigDecimal executionRate(BigDecimal budgeted, BigDecimal paid) {
        if (budgeted.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return paid.multiply(HUNDRED).divide(budgeted, 2, RoundingMode.HALF_UP);
    }

    BigDecimal timeProgress() {
        return timeProgress;
    }

    /** @return whether reports were due before today, so that a missing one is a finding */
    boolean reportsOverdue() {
        return reportsOverdue;
    }

    /**
     * @param budgeted yuan budgeted on the project's lines
     * @param paid yuan paid
     * @param project the host's record of the project, or {@code null} if unknown
     * @param report the unit's report, or {@code null} if none
     * @param reportable whether the project has a goal in force, whose indicators its unit reports on: a missing
     *        report is a finding only then (without a goal the unit has nothing it could report)
     * @param department whether this is a department's whole expenditure (judged by its execution only, never held)
     * @return the verdict
     */
    Verdict judge(BigDecimal budgeted, BigDecimal paid, ProjectRecord project, ReportSummary report,
            boolean reportable, boolean department) {
        BigDecimal rate = executionRate(budgeted, paid);
        Set<Finding> findings = EnumSet.noneOf(Finding.class);
        AlertLevel level = AlertLevel.GREEN;
        if (budgeted.signum() > 0) {
            AlertLevel gap = rules.levelOfGap(timeProgress.subtract(rate));
            if (gap != AlertLevel.GREEN) {
                findings.add(Finding.EXECUTION_GAP);
                level = gap;
            }
        }
        if (!department) {
            if (report != null && report.worst() == Forecast.CANNOT_COMPLETE) {
                findings.add(Finding.CANNOT_COMPLETE);
            } else if (report != null && report.worst() == Forecast.DEVIATING_CAN_COMPLETE) {
                findings.add(Finding.DEVIATING);
            } else if (report == null && reportsOverdue && reportable) {
                findings.add(Finding.REPORT_OVERDUE);
            }
            if (project != null && project.overEstimate()) {
                findings.add(Finding.OVER_ESTIMATE);
            }
            for (Finding f : findings) {
                if (f != Finding.EXECUTION_GAP) {
                    level = level.max(rules.levelOf(f));
                }
            }
        }
        Set<Consequence> consequences = EnumSet.noneOf(Consequence.class);
        if (mode != GateMode.OFF) {
            consequences.addAll(rules.consequences().get(level));
        }
        if (department) {
            consequences.remove(Consequence.HOLD); // a department's whole expenditure includes salaries: never held
            consequences.remove(Consequence.STOP);
        }
        boolean holds = consequences.contains(Consequence.HOLD) || consequences.contains(Consequence.STOP);
        boolean enforced = holds && mode == GateMode.ENFORCE;
        boolean open = consequences.contains(Consequence.RECTIFY) || holds
                || consequences.contains(Consequence.ADJUST_PROPOSAL) || consequences.contains(Consequence.RECOVER_IDLE);
        return new Verdict(rate, findings, level, consequences, enforced, open ? AlertStatus.OPEN : AlertStatus.CLOSED);
    }

    /**
     * @param executionRate paid of budgeted, percent
     * @param findings what was found
     * @param level the light
     * @param consequences what it entails
     * @param enforced whether a hold is to be placed
     * @param status OPEN when the unit has something to do, else CLOSED
     */
    record Verdict(BigDecimal executionRate, Set<Finding> findings, AlertLevel level, Set<Consequence> consequences,
            boolean enforced, AlertStatus status) {
        boolean stop() {
            return consequences.contains(Consequence.STOP);
        }
    }
}
