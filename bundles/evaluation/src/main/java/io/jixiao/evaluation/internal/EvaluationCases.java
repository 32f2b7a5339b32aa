package io.jixiao.evaluation.internal;

import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.IndicatorScore;
import io.jixiao.api.evaluation.RegionEvaluation;
import io.jixiao.api.evaluation.RegionScorecard;
import io.jixiao.api.evaluation.Scorecard;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.CaseSubject;
import io.jixiao.api.rectification.Problem;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.RectificationRules;
import io.jixiao.store.RectificationRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Opens a rectification case for an evaluation graded in the region's {@code rectification.grades} (中 and 差 by
 * default): self, department, key, spot-check and whole-department evaluations of a project or unit, and the
 * comprehensive evaluation of a lower government. The problems are the indicators that were not met; the organiser
 * is the department for its own evaluations (Changzhi Art. 28, 30), finance otherwise. One case per evaluation:
 * opening again is harmless.
 */
final class EvaluationCases {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_PROBLEMS = 20;

    private final RectificationRepository cases;
    private final BiFunction<MofDivCode, FiscalYear, RectificationRules> rules;
    private final Clock clock;

    EvaluationCases(RectificationRepository cases, BiFunction<MofDivCode, FiscalYear, RectificationRules> rules,
            Clock clock) {
        this.cases = cases;
        this.rules = rules;
        this.clock = clock;
    }

    /** @return the case opened, or {@code null} when the grade does not call for one (or it was opened before) */
    RectificationCase open(EvaluationTask task, Scorecard card, Actor actor) {
        RectificationRules in = rules.apply(task.mofDivCode(), task.fiscalYear());
        if (!in.grades().contains(card.grade())) {
            return null;
        }
        List<Problem> problems = new ArrayList<>();
        problems.add(new Problem(kindName(task.kind()) + "得分 " + card.total().toPlainString() + "，等级"
                + card.grade().chinese(), null));
        for (IndicatorScore s : card.indicators()) {
            if (!s.met() && problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem("指标未达成：" + s.entry().indicator().name() + "（目标值 "
                        + s.entry().indicator().target() + "，得分 " + s.points().stripTrailingZeros().toPlainString()
                        + " / " + s.weight().stripTrailingZeros().toPlainString() + "）",
                        s.entry().indicator().name()));
            }
        }
        boolean whole = task.kind() == EvaluationKind.WHOLE;
        return open(CaseOrigin.EVALUATION, task.taskId(), task.mofDivCode(), task.fiscalYear(),
                whole ? CaseSubject.DEPARTMENT : CaseSubject.PROJECT, task.agencyCode(), whole ? null : task.proCode(),
                null, task.kind() == EvaluationKind.DEPARTMENT ? Role.DEPARTMENT : Role.FINANCE, problems, in,
                card.grade(), actor);
    }

    /** @return the case opened for a lower government's comprehensive evaluation, or {@code null} */
    RectificationCase open(RegionEvaluation evaluation, RegionScorecard card, Actor actor) {
        RectificationRules in = rules.apply(evaluation.mofDivCode(), evaluation.fiscalYear());
        if (!in.grades().contains(card.grade())) {
            return null;
        }
        List<Problem> problems = List.of(new Problem("财政运行综合绩效评价得分 " + card.total().toPlainString()
                + "，等级" + card.grade().chinese(), null));
        return open(CaseOrigin.REGION_EVALUATION, evaluation.evaluationId(), evaluation.mofDivCode(),
                evaluation.fiscalYear(), CaseSubject.LOWER_GOVERNMENT, null, null, evaluation.subject(), Role.FINANCE,
                problems, in, card.grade(), actor);
    }

    private RectificationCase open(CaseOrigin origin, long originId, MofDivCode region, FiscalYear year,
            CaseSubject subject, AgencyCode agency, ProCode project, MofDivCode lower, Role organiser,
            List<Problem> problems, RectificationRules in, Grade grade, Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LocalDate deadline = in.deadline(origin, LocalDate.ofInstant(now, CHINA));
        long id = cases.nextCaseId();
        RectificationCase c = new RectificationCase(id, origin, String.valueOf(originId), region, year, subject,
                agency, project, null, lower, organiser, problems, null, deadline, CaseStatus.OPEN, null, null, null,
                null, actor.callerSystem() + "/" + actor.operator(), now, null, in.version());
        List<RectificationCase> opened = cases.open(List.of(RectificationRepository.Opening.of(c, actor,
                origin.name().toLowerCase().replace('_', ' ') + " " + originId + " graded " + grade.chinese()
                        + ": rectification required (rectification.grades)",
                "origin=" + origin + ":" + originId + ";deadline=" + deadline + ";rules=" + in.version())));
        return opened.isEmpty() ? null : opened.get(0);
    }

    private static String kindName(EvaluationKind kind) {
        return switch (kind) {
            case SELF -> "单位自评";
            case DEPARTMENT -> "部门评价";
            case KEY -> "财政重点评价";
            case SPOT_CHECK -> "抽查复核";
            case WHOLE -> "部门整体绩效自评";
        };
    }
}
