package io.jixiao.store.internal;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.AssessmentConclusion;
import io.jixiao.api.goal.AssessmentTier;
import io.jixiao.api.goal.BudgetKind;
import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalStatus;
import io.jixiao.api.goal.GoalSubject;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ProjectLevel;
import io.jixiao.api.goal.ReviewOpinion;
import io.jixiao.api.goal.StageReview;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Role;
import io.jixiao.store.GoalRepository.GoalRef;
import io.jixiao.store.GoalRepository.StoredRuleSet;
import io.jixiao.store.internal.mapper.AssessmentRow;
import io.jixiao.store.internal.mapper.GoalRow;
import io.jixiao.store.internal.mapper.IndicatorRow;
import io.jixiao.store.internal.mapper.RuleSetRow;
import io.jixiao.store.internal.mapper.StageReviewRow;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Goal versions to and from their column images. */
final class GoalRows {
    private GoalRows() {
    }

    static GoalRow row(GoalVersion v) {
        GoalRow r = new GoalRow();
        ProjectFacts p = v.project();
        r.goalId = v.goalId();
        r.version = v.version();
        r.adjustBatch = v.adjustmentBatch();
        r.status = v.status().name();
        r.mofDivCode = p.mofDivCode().value();
        r.fiscalYear = p.fiscalYear().value();
        r.agencyCode = p.agencyCode().value();
        r.proCode = p.proCode().value();
        r.subject = v.goal().subject().name();
        r.projectClass = p.projectClass().name();
        r.projectLevel = p.level().name();
        r.budgetKind = p.budget().name();
        r.amount = p.amount().yuan();
        r.newProject = p.newProject();
        r.recurring = p.recurring();
        r.prevAmount = p.previousYearAmount() == null ? null : p.previousYearAmount().yuan();
        r.kpiTarget = v.goal().annualOverview();
        r.midTermTarget = v.goal().midTermOverview();
        r.ruleVersion = v.ruleVersion();
        r.opinionCodes = codes(v.opinion());
        r.opinionText = v.opinion() == null ? null : v.opinion().text();
        r.createdCaller = v.createdBy().callerSystem();
        r.createdOperator = v.createdBy().operator();
        r.createdRoles = Rows.roles(v.createdBy());
        r.createdAt = v.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        r.statusAt = v.statusAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return r;
    }

    static String codes(ReviewOpinion opinion) {
        return opinion == null ? null : opinion.codes().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<IndicatorRow> indicators(GoalVersion v) {
        List<IndicatorRow> rows = new ArrayList<>();
        List<Indicator> indicators = v.goal().indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator k = indicators.get(i);
            IndicatorRow r = new IndicatorRow();
            r.goalId = v.goalId();
            r.version = v.version();
            r.seq = i + 1;
            r.kpiLv2 = k.level2().name();
            r.kpiContent = k.name();
            r.computesign = k.sign().code();
            r.kpiVal = k.target();
            r.meterunit = k.unit();
            r.weight = k.points();
            r.kpiEvalstd = k.standard();
            r.libraryId = k.libraryId();
            rows.add(r);
        }
        return rows;
    }

    static GoalVersion version(GoalRow r, List<IndicatorRow> indicatorRows) {
        ProjectFacts project = new ProjectFacts(MofDivCode.of(r.mofDivCode), FiscalYear.of(r.fiscalYear),
                AgencyCode.of(r.agencyCode), ProCode.of(r.proCode), ProjectClass.valueOf(r.projectClass),
                ProjectLevel.valueOf(r.projectLevel), BudgetKind.valueOf(r.budgetKind), new Money(r.amount),
                r.newProject, r.recurring, r.prevAmount == null ? null : new Money(r.prevAmount));
        List<Indicator> indicators = indicatorRows.stream().map(k -> new Indicator(Level2.valueOf(k.kpiLv2),
                k.kpiContent, ComputeSign.of(k.computesign), k.kpiVal, k.meterunit, k.weight, k.kpiEvalstd,
                k.libraryId)).toList();
        Goal goal = new Goal(GoalSubject.valueOf(r.subject), r.kpiTarget, r.midTermTarget, indicators);
        ReviewOpinion opinion = r.opinionCodes == null || r.opinionCodes.isEmpty() ? null
                : new ReviewOpinion(Arrays.stream(r.opinionCodes.split(",")).map(Integer::valueOf).toList(),
                        r.opinionText);
        return new GoalVersion(r.goalId, r.version, r.adjustBatch, GoalStatus.valueOf(r.status), project, goal,
                r.ruleVersion, opinion, Rows.actor(r.createdCaller, r.createdOperator, r.createdRoles), r.createdAt,
                r.statusAt);
    }

    static AssessmentRow assessmentRow(long id, Assessment a, Actor by, java.time.Instant at) {
        AssessmentRow r = new AssessmentRow();
        r.assessmentId = id;
        r.mofDivCode = a.mofDivCode().value();
        r.fiscalYear = a.fiscalYear().value();
        r.proCode = a.proCode().value();
        r.tier = a.tier().name();
        r.scores = a.scores().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue().toPlainString()).collect(Collectors.joining(";"));
        r.conclusion = a.conclusion().name();
        r.assessor = a.assessor();
        r.thirdParty = a.thirdParty();
        r.documentRef = a.documentRef();
        r.recordedCaller = by.callerSystem();
        r.recordedOperator = by.operator();
        r.recordedRoles = Rows.roles(by);
        r.recordedAt = at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return r;
    }

    static Assessment assessment(AssessmentRow r) {
        java.util.Map<String, java.math.BigDecimal> scores = new java.util.TreeMap<>();
        for (String pair : r.scores.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                scores.put(pair.substring(0, eq), new java.math.BigDecimal(pair.substring(eq + 1)));
            }
        }
        return new Assessment(MofDivCode.of(r.mofDivCode), FiscalYear.of(r.fiscalYear), ProCode.of(r.proCode),
                AssessmentTier.valueOf(r.tier), scores, AssessmentConclusion.valueOf(r.conclusion), r.assessor,
                r.thirdParty, r.documentRef);
    }

    static StageReviewRow stageRow(GoalVersion reviewed,
            StageReview review) {
        StageReviewRow r = new StageReviewRow();
        r.goalId = review.goalId();
        r.version = review.version();
        r.stage = review.stage().name();
        r.mofDivCode = reviewed.project().mofDivCode().value();
        r.fiscalYear = reviewed.project().fiscalYear().value();
        r.proCode = reviewed.project().proCode().value();
        r.amount = review.amount();
        r.opinion = review.opinion().isEmpty() ? null : review.opinion();
        r.reviewedCaller = review.reviewedBy().callerSystem();
        r.reviewedOperator = review.reviewedBy().operator();
        r.reviewedRoles = Rows.roles(review.reviewedBy());
        r.reviewedAt = review.reviewedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return r;
    }

    static StageReview stageReview(StageReviewRow r) {
        return new StageReview(r.goalId, r.version, io.jixiao.api.goal.ReviewStage.valueOf(r.stage),
                r.amount == null ? null : r.amount.setScale(2, java.math.RoundingMode.UNNECESSARY), r.opinion,
                Rows.actor(r.reviewedCaller, r.reviewedOperator, r.reviewedRoles), r.reviewedAt);
    }

    /** Of two goals in force of a project: the newest version of the newest goal. */
    static GoalRef newest(GoalRef a, GoalRef b) {
        return a.goalId() != b.goalId() ? (a.goalId() > b.goalId() ? a : b) : (a.version() > b.version() ? a : b);
    }

    static Set<String> projectCodes(Collection<ProCode> proCodes) {
        Set<String> codes = new LinkedHashSet<>();
        proCodes.forEach(p -> codes.add(p.value()));
        return codes;
    }

    static RuleSetRow ruleSetRow(StoredRuleSet set) {
        RuleSetRow row = new RuleSetRow();
        row.region = set.region();
        row.fromYear = set.fromYear();
        row.revision = set.revision();
        row.rules = RuleSetText.write(set.rules());
        row.reason = set.reason();
        row.changedCaller = set.changedBy().callerSystem();
        row.changedOperator = set.changedBy().operator();
        row.changedAt = java.sql.Timestamp.from(set.changedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        return row;
    }

    static StoredRuleSet storedRuleSet(RuleSetRow r) {
        return new StoredRuleSet(r.region, r.fromYear, r.revision,
                RuleSetText.read(r.rules), r.reason, Actor.of(r.changedCaller, r.changedOperator,
                io.jixiao.api.model.Role.FINANCE), r.changedAt.toInstant());
    }
}
