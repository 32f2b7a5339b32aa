package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.BudgetDraft;
import io.jixiao.api.hook.DraftDecision;
import io.jixiao.api.hook.GateDecision;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.RuleReport;
import io.jixiao.api.goal.RuleViolation;
import io.jixiao.api.model.Violations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** JSON shapes of the goal endpoints, in the platform's element names, and their mapping to the API. */
final class GoalDtos {
    private GoalDtos() {
    }

    /** A project's facts, as the project library declares them. */
    static class ProjectJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("PROJECT_CLASS") public String projectClass;
        @JsonProperty("PROJECT_LEVEL") public String projectLevel;
        @JsonProperty("BUDGET_KIND") public String budgetKind;
        @JsonProperty("AMOUNT") public BigDecimal amount;
        @JsonProperty("NEW_PROJECT") public Boolean newProject;
        @JsonProperty("RECURRING") public Boolean recurring;
        @JsonProperty("PREV_AMOUNT") public BigDecimal prevAmount;
        @JsonProperty("OPERATOR") public String operator;

        ProjectFacts facts(Violations v) {
            return ProjectFacts.from(v, mofDivCode, fiscalYear, agencyCode, proCode, projectClass, projectLevel,
                    budgetKind, amount, newProject, recurring, prevAmount);
        }
    }

    /** One indicator. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class IndicatorJson {
        @JsonProperty("KPI_LV1") public String level1;
        @JsonProperty("KPI_LV2") public String level2;
        @JsonProperty("KPI_CONTENT") public String name;
        @JsonProperty("COMPUTESIGN") public Integer sign;
        @JsonProperty("KPI_VAL") public String target;
        @JsonProperty("METERUNIT") public String unit;
        @JsonProperty("WEIGHT") public BigDecimal points;
        @JsonProperty("KPI_EVALSTD") public String standard;
        @JsonProperty("LIBRARY_ID") public String libraryId;

        static IndicatorJson of(Indicator k) {
            IndicatorJson j = new IndicatorJson();
            j.level1 = k.level1().name();
            j.level2 = k.level2().name();
            j.name = k.name();
            j.sign = k.sign().code();
            j.target = k.target();
            j.unit = k.unit();
            j.points = k.points();
            j.standard = k.standard();
            j.libraryId = k.libraryId();
            return j;
        }
    }

    /** A project and its goal, as declared on the form. */
    static final class DeclarationJson extends ProjectJson {
        @JsonProperty("SUBJECT") public String subject;
        @JsonProperty("KPI_TARGET") public String annualOverview;
        @JsonProperty("MID_TERM_TARGET") public String midTermOverview;
        @JsonProperty("INDICATORS") public List<IndicatorJson> indicators;
        @JsonProperty("ADJUST_BATCH") public String adjustmentBatch;

        Goal goal(Violations v) {
            return Goal.from(v, subject, annualOverview, midTermOverview, indicators,
                    (x, j) -> Indicator.from(x, j.level1, j.level2, j.name, j.sign, j.target, j.unit, j.points,
                            j.standard, j.libraryId));
        }
    }

    /** A goal version as answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class GoalVersionJson extends ProjectJson {
        @JsonProperty("GOAL_ID") public long goalId;
        @JsonProperty("VERSION") public int version;
        @JsonProperty("ADJUST_BATCH") public String adjustmentBatch;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("SUBJECT") public String subject;
        @JsonProperty("KPI_TARGET") public String annualOverview;
        @JsonProperty("MID_TERM_TARGET") public String midTermOverview;
        @JsonProperty("INDICATORS") public List<IndicatorJson> indicators;
        @JsonProperty("RULE_VERSION") public String ruleVersion;
        @JsonProperty("OPINION_CODES") public List<Integer> opinionCodes;
        @JsonProperty("OPINION_TEXT") public String opinionText;
        @JsonProperty("CREATED_BY") public String createdBy;
        @JsonProperty("CREATED_AT") public String createdAt;
        @JsonProperty("STATUS_AT") public String statusAt;

        static GoalVersionJson of(GoalVersion g) {
            GoalVersionJson j = new GoalVersionJson();
            ProjectFacts p = g.project();
            j.mofDivCode = p.mofDivCode().value();
            j.fiscalYear = p.fiscalYear().value();
            j.agencyCode = p.agencyCode().value();
            j.proCode = p.proCode().value();
            j.projectClass = p.projectClass().name();
            j.projectLevel = p.level().name();
            j.budgetKind = p.budget().name();
            j.amount = p.amount().yuan();
            j.newProject = p.newProject();
            j.recurring = p.recurring();
            j.prevAmount = p.previousYearAmount() == null ? null : p.previousYearAmount().yuan();
            j.goalId = g.goalId();
            j.version = g.version();
            j.adjustmentBatch = g.adjustmentBatch();
            j.status = g.status().name();
            j.subject = g.goal().subject().name();
            j.annualOverview = g.goal().annualOverview();
            j.midTermOverview = g.goal().midTermOverview();
            j.indicators = g.goal().indicators().stream().map(IndicatorJson::of).toList();
            j.ruleVersion = g.ruleVersion();
            j.opinionCodes = g.opinion() == null ? null : g.opinion().codes();
            j.opinionText = g.opinion() == null ? null : g.opinion().text();
            j.createdBy = g.createdBy().callerSystem() + "/" + g.createdBy().operator();
            j.createdAt = g.createdAt().toString();
            j.statusAt = g.statusAt().toString();
            return j;
        }
    }

    /** One rule broken. */
    static final class ViolationJson {
        @JsonProperty("CODE") public String code;
        @JsonProperty("FIELD") public String field;
        @JsonProperty("MESSAGE_ZH") public String messageZh;
        @JsonProperty("MESSAGE_EN") public String messageEn;
        @JsonProperty("SOURCE") public String source;

        static ViolationJson of(RuleViolation v) {
            ViolationJson j = new ViolationJson();
            j.code = v.code();
            j.field = v.field();
            j.messageZh = v.messageZh();
            j.messageEn = v.messageEn();
            j.source = v.source();
            return j;
        }
    }

    /** A rule report (check) . */
    static final class ReportJson {
        @JsonProperty("COMPLIES") public boolean complies;
        @JsonProperty("RULE_VERSION") public String ruleVersion;
        @JsonProperty("VIOLATIONS") public List<ViolationJson> violations;
        @JsonProperty("EX_ANTE") public String exAnte;
        @JsonProperty("REVIEW_REQUIRED") public boolean reviewRequired;

        static ReportJson of(RuleReport r) {
            ReportJson j = new ReportJson();
            j.complies = r.complies();
            j.ruleVersion = r.ruleVersion();
            j.violations = r.violations().stream().map(ViolationJson::of).toList();
            j.exAnte = r.exAnte().name();
            j.reviewRequired = r.reviewRequired();
            return j;
        }
    }

    /** A gate's decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class DecisionJson {
        @JsonProperty("GATE") public String gate;
        @JsonProperty("ADMITTED") public boolean admitted;
        @JsonProperty("MODE") public String mode;
        @JsonProperty("REASONS") public List<ViolationJson> reasons;
        @JsonProperty("RULE_VERSION") public String ruleVersion;
        @JsonProperty("GOAL_ID") public Long goalId;
        @JsonProperty("GOAL_VERSION") public Integer goalVersion;
        @JsonProperty("EX_ANTE") public String exAnte;
        @JsonProperty("REVIEW_REQUIRED") public boolean reviewRequired;

        static DecisionJson of(GateDecision d) {
            DecisionJson j = new DecisionJson();
            j.gate = d.gate().name();
            j.admitted = d.admitted();
            j.mode = d.mode().name();
            j.reasons = d.reasons().stream().map(ViolationJson::of).toList();
            j.ruleVersion = d.ruleVersion();
            j.goalId = d.goalId();
            j.goalVersion = d.goalVersion();
            j.exAnte = d.exAnte().name();
            j.reviewRequired = d.reviewRequired();
            return j;
        }
    }

    /** An ex-ante assessment to record. */
    static final class AssessmentJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("TIER") public String tier;
        @JsonProperty("SCORES") public Map<String, BigDecimal> scores;
        @JsonProperty("CONCLUSION") public String conclusion;
        @JsonProperty("ASSESSOR") public String assessor;
        @JsonProperty("THIRD_PARTY") public boolean thirdParty;
        @JsonProperty("DOCUMENT_REF") public String documentRef;
        @JsonProperty("OPERATOR") public String operator;

        Assessment assessment(Violations v) {
            return Assessment.from(v, mofDivCode, fiscalYear, proCode, tier, scores, conclusion, assessor,
                    thirdParty, documentRef);
        }
    }

    /** POST …/return. */
    static final class ReturnJson {
        @JsonProperty("OPINION_CODES") public List<Integer> codes;
        @JsonProperty("OPINION_TEXT") public String text;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST /goals/{id}/versions/{v}/stage-reviews. */
    static final class StageReviewRequestJson {
        @JsonProperty("STAGE") public String stage;
        @JsonProperty("AMOUNT") public BigDecimal amount;
        @JsonProperty("OPINION") public String opinion;
        @JsonProperty("OPERATOR") public String operator;

        io.jixiao.api.goal.ReviewStage stage(Violations v) {
            v.text("OPINION", opinion, io.jixiao.api.goal.StageReview.MAX_OPINION, false);
            if (stage == null) {
                v.add("STAGE", "required", "one of " + List.of(io.jixiao.api.goal.ReviewStage.values()));
                return null;
            }
            return v.oneOf("STAGE", stage, io.jixiao.api.goal.ReviewStage.class);
        }
    }

    /** One recorded review stage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class StageReviewJson {
        @JsonProperty("GOAL_ID") public long goalId;
        @JsonProperty("VERSION") public int version;
        @JsonProperty("STAGE") public String stage;
        @JsonProperty("AMOUNT") public BigDecimal amount;
        @JsonProperty("OPINION") public String opinion;
        @JsonProperty("REVIEWED_BY") public String reviewedBy;
        @JsonProperty("REVIEWED_AT") public String reviewedAt;

        static StageReviewJson of(io.jixiao.api.goal.StageReview r) {
            StageReviewJson j = new StageReviewJson();
            j.goalId = r.goalId();
            j.version = r.version();
            j.stage = r.stage().name();
            j.amount = r.amount();
            j.opinion = r.opinion();
            j.reviewedBy = r.reviewedBy().callerSystem() + "/" + r.reviewedBy().operator();
            j.reviewedAt = r.reviewedAt().toString();
            return j;
        }
    }

    /** A workflow step without a body of its own. */
    static final class StepJson {
        @JsonProperty("OPERATOR") public String operator;
    }

    /** One project line of a budget draft: a project's facts without region and year (the draft's). */
    static final class LineJson {
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("PROJECT_CLASS") public String projectClass;
        @JsonProperty("PROJECT_LEVEL") public String projectLevel;
        @JsonProperty("BUDGET_KIND") public String budgetKind;
        @JsonProperty("AMOUNT") public BigDecimal amount;
        @JsonProperty("NEW_PROJECT") public Boolean newProject;
        @JsonProperty("RECURRING") public Boolean recurring;
        @JsonProperty("PREV_AMOUNT") public BigDecimal prevAmount;
    }

    /** POST /compilation-checks and /adjustment-checks. */
    static final class DraftJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("DRAFT_NO") public String draftNo;
        @JsonProperty("LINES") public List<LineJson> lines;
        @JsonProperty("OPERATOR") public String operator;

        BudgetDraft draft(io.jixiao.api.goal.Gate gate, Violations v) {
            return BudgetDraft.from(v, gate, mofDivCode, fiscalYear, draftNo, lines,
                    (x, l) -> ProjectFacts.from(x, mofDivCode, fiscalYear, l.agencyCode, l.proCode, l.projectClass,
                            l.projectLevel, l.budgetKind, l.amount, l.newProject, l.recurring, l.prevAmount));
        }
    }

    /** A draft's decision. */
    static final class DraftDecisionJson {
        @JsonProperty("GATE") public String gate;
        @JsonProperty("MODE") public String mode;
        @JsonProperty("RULE_VERSION") public String ruleVersion;
        @JsonProperty("BLOCKED") public int blocked;
        @JsonProperty("FLAGGED") public int flagged;
        @JsonProperty("LINES") public List<LineDecisionJson> lines;

        static DraftDecisionJson of(BudgetDraft draft, DraftDecision d) {
            DraftDecisionJson j = new DraftDecisionJson();
            j.gate = d.gate().name();
            j.mode = d.mode().name();
            j.ruleVersion = d.ruleVersion();
            j.blocked = d.blocked();
            j.flagged = d.flagged();
            j.lines = new ArrayList<>(d.lines().size());
            for (int i = 0; i < d.lines().size(); i++) {
                j.lines.add(LineDecisionJson.of(draft.lines().get(i).proCode().value(), d.lines().get(i)));
            }
            return j;
        }
    }

    /** One line's decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class LineDecisionJson {
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("ADMITTED") public boolean admitted;
        @JsonProperty("REASONS") public List<ViolationJson> reasons;
        @JsonProperty("GOAL_ID") public Long goalId;
        @JsonProperty("GOAL_VERSION") public Integer goalVersion;
        @JsonProperty("EX_ANTE") public String exAnte;
        @JsonProperty("RESULT_ADJUSTMENT") public EvaluationResource.AdjustmentJson resultAdjustment;

        static LineDecisionJson of(String proCode, GateDecision d) {
            LineDecisionJson j = new LineDecisionJson();
            j.proCode = proCode;
            j.admitted = d.admitted();
            j.reasons = d.reasons().isEmpty() ? null : d.reasons().stream().map(ViolationJson::of).toList();
            j.goalId = d.goalId();
            j.goalVersion = d.goalVersion();
            j.exAnte = d.exAnte().name();
            j.resultAdjustment = d.resultAdjustment() == null ? null
                    : EvaluationResource.AdjustmentJson.of(d.resultAdjustment());
            return j;
        }
    }
}
