package io.jixiao.soap.internal;

import static io.jixiao.soap.internal.UsernameTokenInterceptor.caller;

import io.jixiao.api.goal.Assessment;
import io.jixiao.api.goal.BudgetDraft;
import io.jixiao.api.goal.BudgetKind;
import io.jixiao.api.hook.DraftDecision;
import io.jixiao.api.goal.Gate;
import io.jixiao.api.hook.GateDecision;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.goal.GoalService;
import io.jixiao.api.goal.GoalSubject;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ProjectLevel;
import io.jixiao.api.goal.Recheck;
import io.jixiao.api.goal.ReviewOpinion;
import io.jixiao.api.goal.ReviewStage;
import io.jixiao.api.goal.StageReview;
import io.jixiao.api.goal.RuleReport;
import io.jixiao.api.goal.RuleSetChange;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.hook.CompilationGate;
import io.jixiao.api.hook.ProjectAdmission;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Violations;
import io.jixiao.soap.internal.goals.AdjustGoalRequest;
import io.jixiao.soap.internal.goals.AdjustGoalResult;
import io.jixiao.soap.internal.goals.AdmitProjectRequest;
import io.jixiao.soap.internal.goals.AdmitProjectResult;
import io.jixiao.soap.internal.goals.ApproveGoalRequest;
import io.jixiao.soap.internal.goals.ApproveGoalResult;
import io.jixiao.soap.internal.goals.AssessmentTierOrNone;
import io.jixiao.soap.internal.goals.ChangeGoalRulesRequest;
import io.jixiao.soap.internal.goals.ChangeGoalRulesResult;
import io.jixiao.soap.internal.goals.CheckAdjustmentRequest;
import io.jixiao.soap.internal.goals.CheckAdjustmentResult;
import io.jixiao.soap.internal.goals.CheckCompilationRequest;
import io.jixiao.soap.internal.goals.CheckCompilationResult;
import io.jixiao.soap.internal.goals.CheckGoalRequest;
import io.jixiao.soap.internal.goals.CheckGoalResult;
import io.jixiao.soap.internal.goals.DraftGoalRequest;
import io.jixiao.soap.internal.goals.DraftGoalResult;
import io.jixiao.soap.internal.goals.GateMode;
import io.jixiao.soap.internal.goals.GetGoalRequest;
import io.jixiao.soap.internal.goals.GetGoalRulesRequest;
import io.jixiao.soap.internal.goals.GetGoalRulesResult;
import io.jixiao.soap.internal.goals.GetGoalResult;
import io.jixiao.soap.internal.goals.GoalContent;
import io.jixiao.soap.internal.goals.GoalRules;
import io.jixiao.soap.internal.goals.GoalStatus;
import io.jixiao.soap.internal.goals.GoalVersion;
import io.jixiao.soap.internal.goals.GoalsPortType;
import io.jixiao.soap.internal.goals.JixiaoFaultMessage;
import io.jixiao.soap.internal.goals.Level1;
import io.jixiao.soap.internal.goals.Line;
import io.jixiao.soap.internal.goals.LineDecision;
import io.jixiao.soap.internal.goals.ListGoalStageReviewsRequest;
import io.jixiao.soap.internal.goals.ListGoalStageReviewsResult;
import io.jixiao.soap.internal.goals.ListGoalVersionsRequest;
import io.jixiao.soap.internal.goals.ListGoalVersionsResult;
import io.jixiao.soap.internal.goals.NoncompliantGoal;
import io.jixiao.soap.internal.goals.Project;
import io.jixiao.soap.internal.goals.PublishGoalRequest;
import io.jixiao.soap.internal.goals.PublishGoalResult;
import io.jixiao.soap.internal.goals.RecordAssessmentRequest;
import io.jixiao.soap.internal.goals.RecheckGoalsRequest;
import io.jixiao.soap.internal.goals.RecheckGoalsResult;
import io.jixiao.soap.internal.goals.RecordAssessmentResult;
import io.jixiao.soap.internal.goals.ReturnGoalRequest;
import io.jixiao.soap.internal.goals.ReviewGoalStageRequest;
import io.jixiao.soap.internal.goals.ReviewGoalStageResult;
import io.jixiao.soap.internal.goals.ReturnGoalResult;
import io.jixiao.soap.internal.goals.ReviseGoalRequest;
import io.jixiao.soap.internal.goals.ReviseGoalResult;
import io.jixiao.soap.internal.goals.Rule;
import io.jixiao.soap.internal.goals.RuleViolation;
import io.jixiao.soap.internal.goals.Score;
import io.jixiao.soap.internal.goals.SubmitGoalRequest;
import io.jixiao.soap.internal.goals.SubmitGoalResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jws.WebService;

/**
 * Performance goals and their gates over SOAP: the REST operations' twins, mapping the generated types to the API
 * and the API's errors to this contract's {@code JixiaoFault}; no logic of its own. The schema has already checked
 * presence, lengths, patterns and enumerations when schema validation is on; the mapping still refuses what it
 * misses, for a service configured without it.
 */
@WebService(endpointInterface = "io.jixiao.soap.internal.goals.GoalsPortType",
        targetNamespace = GoalsEndpoint.NAMESPACE, serviceName = "GoalsService", portName = "GoalsPort",
        wsdlLocation = GoalsEndpoint.WSDL)
public final class GoalsEndpoint implements GoalsPortType {
    static final String WSDL = "wsdl/goals.wsdl";
    static final String NAMESPACE = "http://jixiao.io/ws/goals/v1";

    private final GoalService goals;
    private final ProjectAdmission admission;
    private final CompilationGate compilation;
    private final GoalRuleService ruleService;
    private final RequestIds requestIds;
    private final XmlTimes times = new XmlTimes();

    GoalsEndpoint(GoalService goals, ProjectAdmission admission, CompilationGate compilation,
            GoalRuleService ruleService, RequestIds requestIds) {
        this.goals = goals;
        this.admission = admission;
        this.compilation = compilation;
        this.ruleService = ruleService;
        this.requestIds = requestIds;
    }

    @Override
    public DraftGoalResult draftGoal(DraftGoalRequest r) throws JixiaoFaultMessage {
        return requestIds.once("DraftGoal", r, DraftGoalResult.class, FAULTS, () -> {
            Violations v = new Violations();
            ProjectFacts project = facts(r.getPROJECT(), v);
            Goal goal = goal(r.getGOAL(), v);
            Actor actor = actor(r.getOPERATOR(), v);
            v.throwIfAny();
            DraftGoalResult out = new DraftGoalResult();
            out.setGOAL(version(goals.draft(project, goal, actor)));
            return out;
        });
    }

    @Override
    public ReviseGoalResult reviseGoal(ReviseGoalRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ReviseGoal", r, ReviseGoalResult.class, FAULTS, () -> {
            Violations v = new Violations();
            ProjectFacts project = facts(r.getPROJECT(), v);
            Goal goal = goal(r.getGOAL(), v);
            Actor actor = actor(r.getOPERATOR(), v);
            v.throwIfAny();
            ReviseGoalResult out = new ReviseGoalResult();
            out.setGOAL(version(goals.revise(r.getGOALID(), r.getVERSION(), project, goal, actor)));
            return out;
        });
    }

    @Override
    public SubmitGoalResult submitGoal(SubmitGoalRequest r) throws JixiaoFaultMessage {
        return requestIds.once("SubmitGoal", r, SubmitGoalResult.class, FAULTS, () -> {
            SubmitGoalResult out = new SubmitGoalResult();
            out.setGOAL(version(goals.submit(r.getGOALID(), r.getVERSION(), actor(r.getOPERATOR()))));
            return out;
        });
    }

    @Override
    public ReturnGoalResult returnGoal(ReturnGoalRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ReturnGoal", r, ReturnGoalResult.class, FAULTS, () -> {
            Violations v = new Violations();
            ReviewOpinion opinion = ReviewOpinion.from(v, r.getOPINIONCODE(), r.getOPINIONTEXT());
            Actor actor = actor(r.getOPERATOR(), v);
            v.throwIfAny();
            ReturnGoalResult out = new ReturnGoalResult();
            out.setGOAL(version(goals.returnForRevision(r.getGOALID(), r.getVERSION(), opinion, actor)));
            return out;
        });
    }

    @Override
    public ApproveGoalResult approveGoal(ApproveGoalRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ApproveGoal", r, ApproveGoalResult.class, FAULTS, () -> {
            ApproveGoalResult out = new ApproveGoalResult();
            out.setGOAL(version(goals.approve(r.getGOALID(), r.getVERSION(), actor(r.getOPERATOR()))));
            return out;
        });
    }

    @Override
    public PublishGoalResult publishGoal(PublishGoalRequest r) throws JixiaoFaultMessage {
        return requestIds.once("PublishGoal", r, PublishGoalResult.class, FAULTS, () -> {
            PublishGoalResult out = new PublishGoalResult();
            out.setGOAL(version(goals.publish(r.getGOALID(), r.getVERSION(), actor(r.getOPERATOR()))));
            return out;
        });
    }

    @Override
    public AdjustGoalResult adjustGoal(AdjustGoalRequest r) throws JixiaoFaultMessage {
        return requestIds.once("AdjustGoal", r, AdjustGoalResult.class, FAULTS, () -> {
            Violations v = new Violations();
            ProjectFacts project = facts(r.getPROJECT(), v);
            Goal goal = goal(r.getGOAL(), v);
            Actor actor = actor(r.getOPERATOR(), v);
            v.throwIfAny();
            AdjustGoalResult out = new AdjustGoalResult();
            out.setGOAL(version(goals.adjust(r.getGOALID(), r.getADJUSTBATCH(), project, goal, actor)));
            return out;
        });
    }

    @Override
    public GetGoalResult getGoal(GetGoalRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            GetGoalResult out = new GetGoalResult();
            out.setGOAL(version(goals.find(r.getGOALID(), r.getVERSION(), caller().reader()).orElseThrow(
                    () -> new NotFoundException("no goal " + r.getGOALID() + " version " + r.getVERSION()))));
            return out;
        });
    }

    @Override
    public ReviewGoalStageResult reviewGoalStage(ReviewGoalStageRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ReviewGoalStage", r, ReviewGoalStageResult.class, FAULTS, () -> {
            Violations v = new Violations();
            ReviewStage stage = v.oneOf("STAGE", r.getSTAGE() == null ? null : r.getSTAGE().value(),
                    ReviewStage.class);
            v.text("OPINION", r.getOPINION(), StageReview.MAX_OPINION, false);
            Actor actor = actor(r.getOPERATOR(), v);
            v.throwIfAny();
            ReviewGoalStageResult out = new ReviewGoalStageResult();
            out.setSTAGEREVIEW(stageReview(goals.reviewStage(r.getGOALID(), r.getVERSION(), stage, r.getAMOUNT(),
                    r.getOPINION(), actor)));
            return out;
        });
    }

    @Override
    public ListGoalStageReviewsResult listGoalStageReviews(ListGoalStageReviewsRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            ListGoalStageReviewsResult out = new ListGoalStageReviewsResult();
            out.setGOALID(r.getGOALID());
            out.setVERSION(r.getVERSION());
            goals.stageReviews(r.getGOALID(), r.getVERSION(), caller().reader())
                    .forEach(review -> out.getSTAGEREVIEW().add(stageReview(review)));
            return out;
        });
    }

    private io.jixiao.soap.internal.goals.StageReview stageReview(StageReview review) {
        io.jixiao.soap.internal.goals.StageReview out = new io.jixiao.soap.internal.goals.StageReview();
        out.setGOALID(review.goalId());
        out.setVERSION(review.version());
        out.setSTAGE(io.jixiao.soap.internal.goals.ReviewStage.fromValue(review.stage().name()));
        out.setAMOUNT(review.amount());
        out.setOPINION(review.opinion());
        out.setREVIEWEDBY(review.reviewedBy().callerSystem() + "/" + review.reviewedBy().operator());
        out.setREVIEWEDAT(times.of(review.reviewedAt()));
        return out;
    }

    @Override
    public ListGoalVersionsResult listGoalVersions(ListGoalVersionsRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            List<Integer> versions = goals.versions(r.getGOALID(), caller().reader());
            if (versions.isEmpty()) {
                throw new NotFoundException("no goal " + r.getGOALID());
            }
            ListGoalVersionsResult out = new ListGoalVersionsResult();
            out.setGOALID(r.getGOALID());
            out.getVERSION().addAll(versions);
            return out;
        });
    }

    @Override
    public CheckGoalResult checkGoal(CheckGoalRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            ProjectFacts project = facts(r.getPROJECT(), v);
            Goal goal = goal(r.getGOAL(), v);
            Actor actor = actor(r.getOPERATOR(), v);
            v.throwIfAny();
            RuleReport report = goals.check(project, goal, actor);
            CheckGoalResult out = new CheckGoalResult();
            out.setCOMPLIES(report.complies());
            out.setRULEVERSION(report.ruleVersion());
            report.violations().forEach(x -> out.getVIOLATION().add(violation(x)));
            out.setEXANTE(AssessmentTierOrNone.fromValue(report.exAnte().name()));
            out.setREVIEWREQUIRED(report.reviewRequired());
            return out;
        });
    }

    @Override
    public RecordAssessmentResult recordAssessment(RecordAssessmentRequest r) throws JixiaoFaultMessage {
        return requestIds.once("RecordAssessment", r, RecordAssessmentResult.class, FAULTS, () -> {
            Violations v = new Violations();
            Map<String, BigDecimal> scores = new LinkedHashMap<>();
            for (Score score : r.getSCORE()) {
                if (scores.put(score.getDIMENSION(), score.getVALUE()) != null) {
                    v.add("SCORE", "unique", "dimension " + score.getDIMENSION() + " is scored twice");
                }
            }
            Assessment assessment = Assessment.from(v, r.getMOFDIVCODE(), r.getFISCALYEAR(), r.getPROCODE(),
                    r.getTIER() == null ? null : r.getTIER().value(), scores,
                    r.getCONCLUSION() == null ? null : r.getCONCLUSION().value(), r.getASSESSOR(), r.isTHIRDPARTY(),
                    r.getDOCUMENTREF());
            Actor actor = actor(r.getOPERATOR(), v);
            v.throwIfAny();
            RecordAssessmentResult out = new RecordAssessmentResult();
            out.setASSESSMENTID(goals.recordAssessment(assessment, actor));
            return out;
        });
    }

    @Override
    public AdmitProjectResult admitProject(AdmitProjectRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            ProjectFacts project = facts(r.getPROJECT(), v);
            Actor actor = actor(r.getOPERATOR(), v);
            v.throwIfAny();
            GateDecision d = admission.admit(project, actor);
            AdmitProjectResult out = new AdmitProjectResult();
            out.setGATE(d.gate().name());
            out.setADMITTED(d.admitted());
            out.setMODE(GateMode.fromValue(d.mode().name()));
            d.reasons().forEach(x -> out.getREASON().add(violation(x)));
            out.setRULEVERSION(d.ruleVersion());
            out.setGOALID(d.goalId());
            out.setGOALVERSION(d.goalVersion());
            out.setEXANTE(AssessmentTierOrNone.fromValue(d.exAnte().name()));
            out.setREVIEWREQUIRED(d.reviewRequired());
            return out;
        });
    }

    @Override
    public CheckCompilationResult checkCompilation(CheckCompilationRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            DraftOutcome d = draft(Gate.COMPILATION, r.getMOFDIVCODE(), r.getFISCALYEAR(), r.getDRAFTNO(),
                    r.getLINE(), r.getOPERATOR());
            CheckCompilationResult out = new CheckCompilationResult();
            out.setGATE(d.decision().gate().name());
            out.setMODE(GateMode.fromValue(d.decision().mode().name()));
            out.setRULEVERSION(d.decision().ruleVersion());
            out.setBLOCKED(d.decision().blocked());
            out.setFLAGGED(d.decision().flagged());
            out.getLINE().addAll(d.lines());
            return out;
        });
    }

    @Override
    public CheckAdjustmentResult checkAdjustment(CheckAdjustmentRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            DraftOutcome d = draft(Gate.ADJUSTMENT, r.getMOFDIVCODE(), r.getFISCALYEAR(), r.getDRAFTNO(),
                    r.getLINE(), r.getOPERATOR());
            CheckAdjustmentResult out = new CheckAdjustmentResult();
            out.setGATE(d.decision().gate().name());
            out.setMODE(GateMode.fromValue(d.decision().mode().name()));
            out.setRULEVERSION(d.decision().ruleVersion());
            out.setBLOCKED(d.decision().blocked());
            out.setFLAGGED(d.decision().flagged());
            out.getLINE().addAll(d.lines());
            return out;
        });
    }

    @Override
    public RecheckGoalsResult recheckGoals(RecheckGoalsRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            v.throwIfAny();
            Recheck report = goals.recheck(region, year, r.getAFTERGOALID() == null ? 0 : r.getAFTERGOALID(),
                    r.getLIMIT() == null ? 100 : r.getLIMIT(), caller().reader());
            RecheckGoalsResult out = new RecheckGoalsResult();
            out.setMOFDIVCODE(report.mofDivCode().value());
            out.setFISCALYEAR(report.fiscalYear().value());
            out.setRULEVERSION(report.ruleVersion());
            out.setCHECKED(report.checked());
            out.setNONCOMPLIANT(report.noncompliant());
            for (Recheck.NoncompliantGoal g : report.goals()) {
                NoncompliantGoal x = new NoncompliantGoal();
                x.setGOALID(g.goalId());
                x.setVERSION(g.version());
                x.setSTATUS(GoalStatus.fromValue(g.status().name()));
                x.setAGENCYCODE(g.project().agencyCode().value());
                x.setPROCODE(g.project().proCode().value());
                x.setAPPROVEDUNDER(g.approvedUnder());
                g.violations().forEach(violation -> x.getVIOLATION().add(violation(violation)));
                out.getGOAL().add(x);
            }
            out.setNEXTAFTERGOALID(report.nextAfterGoalId());
            return out;
        });
    }

    @Override
    public GetGoalRulesResult getGoalRules(GetGoalRulesRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            v.throwIfAny();
            GetGoalRulesResult out = new GetGoalRulesResult();
            out.setRULES(rules(ruleService.rules(region, year, caller().reader())));
            return out;
        });
    }

    @Override
    public ChangeGoalRulesResult changeGoalRules(ChangeGoalRulesRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ChangeGoalRules", r, ChangeGoalRulesResult.class, FAULTS, () -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            Map<String, String> changes = new LinkedHashMap<>();
            for (Rule rule : r.getRULE()) {
                if (changes.put(rule.getKEY(), rule.getVALUE() == null ? "" : rule.getVALUE()) != null) {
                    v.add("RULE", "unique", "key " + rule.getKEY() + " is given twice");
                }
            }
            Actor actor = actor(r.getOPERATOR(), v);
            v.throwIfAny();
            RuleSetChange change = new RuleSetChange(region, r.getFROMYEAR(), r.getBASEREVISION(), changes,
                    r.getREASON());
            ChangeGoalRulesResult out = new ChangeGoalRulesResult();
            out.setRULES(rules(ruleService.change(change, actor)));
            return out;
        });
    }

    private static GoalRules rules(RuleSetView view) {
        GoalRules out = new GoalRules();
        out.setRULEVERSION(view.version());
        out.setRULESET(view.ruleSet());
        out.setREVISION(view.revision());
        new java.util.TreeMap<>(view.rules()).forEach((key, value) -> {
            Rule rule = new Rule();
            rule.setKEY(key);
            rule.setVALUE(value);
            rule.setSOURCE(view.sources().get(key));
            out.getRULE().add(rule);
        });
        return out;
    }

    private record DraftOutcome(DraftDecision decision, List<LineDecision> lines) {
    }

    private DraftOutcome draft(Gate gate, String mofDivCode, int fiscalYear, String draftNo, List<Line> lines,
            String operator) {
        Violations v = new Violations();
        BudgetDraft draft = BudgetDraft.from(v, gate, mofDivCode, fiscalYear, draftNo, lines,
                (x, l) -> ProjectFacts.from(x, mofDivCode, fiscalYear, l.getAGENCYCODE(), l.getPROCODE(),
                        name(l.getPROJECTCLASS()), name(l.getPROJECTLEVEL()), name(l.getBUDGETKIND()), l.getAMOUNT(),
                        l.isNEWPROJECT(), l.isRECURRING(), l.getPREVAMOUNT()));
        Actor actor = actor(operator, v);
        v.throwIfAny();
        List<ProjectFacts> facts = draft.lines();
        DraftDecision d = compilation.check(draft, actor);
        List<LineDecision> out = new ArrayList<>(d.lines().size());
        for (int i = 0; i < d.lines().size(); i++) {
            GateDecision line = d.lines().get(i);
            LineDecision x = new LineDecision();
            x.setPROCODE(facts.get(i).proCode().value());
            x.setADMITTED(line.admitted());
            line.reasons().forEach(reason -> x.getREASON().add(violation(reason)));
            x.setGOALID(line.goalId());
            x.setGOALVERSION(line.goalVersion());
            x.setEXANTE(AssessmentTierOrNone.fromValue(line.exAnte().name()));
            x.setRESULTADJUSTMENT(resultAdjustment(line.resultAdjustment()));
            out.add(x);
        }
        return new DraftOutcome(d, out);
    }

    private static io.jixiao.soap.internal.goals.ResultAdjustment resultAdjustment(
            io.jixiao.api.evaluation.Adjustment a) {
        if (a == null) {
            return null;
        }
        io.jixiao.soap.internal.goals.ResultAdjustment out = new io.jixiao.soap.internal.goals.ResultAdjustment();
        out.setTASKID(a.taskId());
        out.setCHANGEID(a.changeId());
        out.setFISCALYEAR(a.evaluatedYear().value());
        out.setGRADE(a.grade().name());
        out.setTOTAL(a.total());
        out.setACTION(a.action().name());
        out.setCUTPERCENT(a.cutPercent());
        out.setREQUESTEDAMT(a.requested());
        out.setCHANGEAMT(a.change());
        out.setSTATUS(a.status().name());
        out.setPOLICY(a.policy());
        return out;
    }

    private static String name(Enum<?> generated) {
        return generated == null ? null : generated.name();
    }

    private static ProjectFacts facts(Project p, Violations v) {
        if (p == null) {
            v.add("PROJECT", "required", "the project's facts are required");
            return null;
        }
        return ProjectFacts.from(v, p.getMOFDIVCODE(), p.getFISCALYEAR(), p.getAGENCYCODE(), p.getPROCODE(),
                name(p.getPROJECTCLASS()), name(p.getPROJECTLEVEL()), name(p.getBUDGETKIND()), p.getAMOUNT(),
                p.isNEWPROJECT(), p.isRECURRING(), p.getPREVAMOUNT());
    }

    private static Goal goal(GoalContent g, Violations v) {
        if (g == null) {
            v.add("GOAL", "required", "the goal is required");
            return null;
        }
        return Goal.from(v, name(g.getSUBJECT()), g.getKPITARGET(), g.getMIDTERMTARGET(), g.getINDICATOR(),
                (x, k) -> Indicator.from(x, name(k.getKPILV1()), name(k.getKPILV2()),
                        k.getKPICONTENT(), k.getCOMPUTESIGN(), k.getKPIVAL(), k.getMETERUNIT(), k.getWEIGHT(),
                        k.getKPIEVALSTD(), k.getLIBRARYID()));
    }

    private GoalVersion version(io.jixiao.api.goal.GoalVersion g) {
        GoalVersion out = new GoalVersion();
        out.setGOALID(g.goalId());
        out.setVERSION(g.version());
        out.setADJUSTBATCH(g.adjustmentBatch());
        out.setSTATUS(GoalStatus.fromValue(g.status().name()));
        ProjectFacts p = g.project();
        Project project = new Project();
        project.setMOFDIVCODE(p.mofDivCode().value());
        project.setFISCALYEAR(p.fiscalYear().value());
        project.setAGENCYCODE(p.agencyCode().value());
        project.setPROCODE(p.proCode().value());
        project.setPROJECTCLASS(io.jixiao.soap.internal.goals.ProjectClass.fromValue(p.projectClass().name()));
        project.setPROJECTLEVEL(io.jixiao.soap.internal.goals.ProjectLevel.fromValue(p.level().name()));
        project.setBUDGETKIND(io.jixiao.soap.internal.goals.BudgetKind.fromValue(p.budget().name()));
        project.setAMOUNT(p.amount().yuan());
        project.setNEWPROJECT(p.newProject());
        project.setRECURRING(p.recurring());
        project.setPREVAMOUNT(p.previousYearAmount() == null ? null : p.previousYearAmount().yuan());
        out.setPROJECT(project);
        GoalContent content = new GoalContent();
        content.setSUBJECT(io.jixiao.soap.internal.goals.GoalSubject.fromValue(g.goal().subject().name()));
        content.setKPITARGET(g.goal().annualOverview());
        content.setMIDTERMTARGET(g.goal().midTermOverview());
        for (Indicator k : g.goal().indicators()) {
            io.jixiao.soap.internal.goals.Indicator x = new io.jixiao.soap.internal.goals.Indicator();
            x.setKPILV1(Level1.fromValue(k.level1().name()));
            x.setKPILV2(io.jixiao.soap.internal.goals.Level2.fromValue(k.level2().name()));
            x.setKPICONTENT(k.name());
            x.setCOMPUTESIGN(k.sign().code());
            x.setKPIVAL(k.target());
            x.setMETERUNIT(k.unit());
            x.setWEIGHT(k.points());
            x.setKPIEVALSTD(k.standard());
            x.setLIBRARYID(k.libraryId());
            content.getINDICATOR().add(x);
        }
        out.setGOAL(content);
        out.setRULEVERSION(g.ruleVersion());
        if (g.opinion() != null) {
            out.getOPINIONCODE().addAll(g.opinion().codes());
            out.setOPINIONTEXT(g.opinion().text());
        }
        out.setCREATEDBY(g.createdBy().callerSystem() + "/" + g.createdBy().operator());
        out.setCREATEDAT(times.of(g.createdAt()));
        out.setSTATUSAT(times.of(g.statusAt()));
        return out;
    }

    private static RuleViolation violation(io.jixiao.api.goal.RuleViolation v) {
        RuleViolation out = new RuleViolation();
        out.setCODE(v.code());
        out.setFIELD(v.field());
        out.setMESSAGEZH(v.messageZh());
        out.setMESSAGEEN(v.messageEn());
        out.setSOURCE(v.source());
        return out;
    }

    private static Actor actor(String operator) {
        Violations v = new Violations();
        Actor actor = actor(operator, v);
        v.throwIfAny();
        return actor;
    }

    private static Actor actor(String operator, Violations v) {
        return v.check(() -> caller().actor(operator));
    }

    /** This contract's fault: the one JixiaoFault of common.xsd. */
    static final FaultContract<JixiaoFaultMessage> FAULTS = new FaultContract<>(JixiaoFaultMessage::new, JixiaoFaultMessage::getFaultInfo);
}
