package io.jixiao.store.internal;

import io.jixiao.api.evaluation.Adjustment;
import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.ResultPolicy;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.ProCode;
import io.jixiao.store.internal.mapper.EvalAdjustmentRow;
import io.jixiao.store.internal.mapper.EvalTaskRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;

/** Evaluation rows to and from the domain's tasks, scores and adjustments. */
final class EvaluationRows {
    /** Scale of the stored unrounded figures (DECIMAL(38,30)). */
    private static final int EXACT = 30;

    private EvaluationRows() {
    }

    static EvalAdjustmentRow row(Adjustment a) {
        EvalAdjustmentRow r = new EvalAdjustmentRow();
        r.taskId = a.taskId();
        r.mofDivCode = a.mofDivCode().value();
        r.evalYear = a.evaluatedYear().value();
        r.targetYear = a.targetYear().value();
        r.agencyCode = a.agencyCode().value();
        r.deptCode = a.deptCode();
        r.proCode = a.proCode().value();
        r.grade = a.grade().name();
        r.total = a.total();
        r.action = a.action().name();
        r.cutPct = a.cutPercent();
        r.requestedAmt = a.requested();
        r.changeAmt = a.change();
        r.policy = a.policy();
        r.status = a.status().name();
        r.createdBy = a.createdBy();
        r.createdAt = a.createdAt();
        r.appliedAt = a.appliedAt();
        return r;
    }

    static Adjustment adjustment(EvalAdjustmentRow r) {
        return new Adjustment(r.taskId, MofDivCode.of(r.mofDivCode), FiscalYear.of(r.evalYear),
                FiscalYear.of(r.targetYear), AgencyCode.of(r.agencyCode), r.deptCode, ProCode.of(r.proCode),
                Grade.valueOf(r.grade), r.total.setScale(2), ResultPolicy.Kind.valueOf(r.action),
                r.cutPct, r.requestedAmt == null ? null : r.requestedAmt.setScale(2),
                r.changeAmt.setScale(2), r.policy, AdjustmentStatus.valueOf(r.status), r.createdBy, r.createdAt,
                r.appliedAt);
    }

    static List<String> codes(Collection<AgencyCode> agencyCodes) {
        return agencyCodes == null ? null : agencyCodes.stream().map(AgencyCode::value).toList();
    }

    static BigDecimal exact(BigDecimal value) {
        return value.setScale(EXACT, RoundingMode.HALF_UP);
    }

    static EvalTaskRow row(EvaluationTask t) {
        EvalTaskRow row = new EvalTaskRow();
        row.taskId = t.taskId();
        row.mofDivCode = t.mofDivCode().value();
        row.fiscalYear = t.fiscalYear().value();
        row.agencyCode = t.agencyCode().value();
        row.proCode = t.proCode().value();
        row.kind = t.kind().name();
        row.goalId = t.goalId();
        row.goalVersion = t.goalVersion();
        row.budgetAmt = t.budget().yuan();
        row.spentAmt = t.spent().yuan();
        row.status = t.status().name();
        row.openedAt = t.openedAt();
        row.submittedBy = t.submittedBy();
        row.submittedAt = t.submittedAt();
        row.total = t.total();
        row.grade = t.grade() == null ? null : t.grade().name();
        row.ruleVersion = t.ruleVersion();
        row.dueDate = t.due();
        row.evaluator = t.evaluator();
        row.selfTotal = t.selfTotal();
        return row;
    }

    static EvaluationTask task(EvalTaskRow r) {
        return new EvaluationTask(r.taskId, MofDivCode.of(r.mofDivCode), FiscalYear.of(r.fiscalYear),
                AgencyCode.of(r.agencyCode), ProCode.of(r.proCode), EvaluationKind.valueOf(r.kind), r.goalId,
                r.goalVersion, new Money(r.budgetAmt.setScale(2)), new Money(r.spentAmt.setScale(2)),
                TaskStatus.valueOf(r.status), r.openedAt, r.submittedBy, r.submittedAt,
                r.total == null ? null : r.total.setScale(2), r.grade == null ? null : Grade.valueOf(r.grade),
                r.ruleVersion, r.dueDate, r.evaluator, r.selfTotal == null ? null : r.selfTotal.setScale(2),
                r.gapFlag == null ? null : r.gapFlag == 1);
    }
}
