package io.jixiao.soap.internal;

import static io.jixiao.soap.internal.UsernameTokenInterceptor.caller;

import io.jixiao.api.evaluation.Achievement;
import io.jixiao.api.evaluation.AdjustmentStatus;
import io.jixiao.api.evaluation.ApplicationRun;
import io.jixiao.api.evaluation.Assigned;
import io.jixiao.api.evaluation.ComprehensiveEvaluationService;
import io.jixiao.api.evaluation.CriterionEntry;
import io.jixiao.api.evaluation.EvaluationKind;
import io.jixiao.api.evaluation.KeyPart;
import io.jixiao.api.evaluation.EvaluationService;
import io.jixiao.api.evaluation.EvaluationTask;
import io.jixiao.api.evaluation.IndicatorEntry;
import io.jixiao.api.evaluation.Submission;
import io.jixiao.api.evaluation.IndicatorScore;
import io.jixiao.api.evaluation.TaskStatus;
import io.jixiao.api.evaluation.WhatIf;
import io.jixiao.api.evaluation.YearClosed;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violations;
import io.jixiao.soap.internal.evaluation.Adjustment;
import io.jixiao.soap.internal.evaluation.ApplyTransferResultsRequest;
import io.jixiao.soap.internal.evaluation.ApplyTransferResultsResult;
import io.jixiao.soap.internal.evaluation.GetComprehensiveEvaluationRequest;
import io.jixiao.soap.internal.evaluation.GetComprehensiveEvaluationResult;
import io.jixiao.soap.internal.evaluation.GetComprehensiveScorecardRequest;
import io.jixiao.soap.internal.evaluation.GetComprehensiveScorecardResult;
import io.jixiao.soap.internal.evaluation.ListComprehensiveEvaluationsRequest;
import io.jixiao.soap.internal.evaluation.ListComprehensiveEvaluationsResult;
import io.jixiao.soap.internal.evaluation.ListTransferAdjustmentsRequest;
import io.jixiao.soap.internal.evaluation.ListTransferAdjustmentsResult;
import io.jixiao.soap.internal.evaluation.OpenComprehensiveEvaluationsRequest;
import io.jixiao.soap.internal.evaluation.OpenComprehensiveEvaluationsResult;
import io.jixiao.soap.internal.evaluation.PolicyRow;
import io.jixiao.soap.internal.evaluation.RegionCriterion;
import io.jixiao.soap.internal.evaluation.RegionEvaluation;
import io.jixiao.soap.internal.evaluation.RegionScorecard;
import io.jixiao.soap.internal.evaluation.SubmitComprehensiveEvaluationRequest;
import io.jixiao.soap.internal.evaluation.SubmitComprehensiveEvaluationResult;
import io.jixiao.soap.internal.evaluation.TransferAdjustment;
import io.jixiao.soap.internal.evaluation.TransferWhatIfRequest;
import io.jixiao.soap.internal.evaluation.TransferWhatIfResult;
import io.jixiao.soap.internal.evaluation.ApplyEvaluationResultsRequest;
import io.jixiao.soap.internal.evaluation.ApplyEvaluationResultsResult;
import io.jixiao.soap.internal.evaluation.AssignEvaluationsRequest;
import io.jixiao.soap.internal.evaluation.AssignEvaluationsResult;
import io.jixiao.soap.internal.evaluation.CloseEvaluationYearRequest;
import io.jixiao.soap.internal.evaluation.CloseEvaluationYearResult;
import io.jixiao.soap.internal.evaluation.CriterionLine;
import io.jixiao.soap.internal.evaluation.EvaluationPortType;
import io.jixiao.soap.internal.evaluation.EvaluationWhatIfRequest;
import io.jixiao.soap.internal.evaluation.EvaluationWhatIfResult;
import io.jixiao.soap.internal.evaluation.GetEvaluationTaskRequest;
import io.jixiao.soap.internal.evaluation.GetEvaluationTaskResult;
import io.jixiao.soap.internal.evaluation.GetScorecardRequest;
import io.jixiao.soap.internal.evaluation.GetScorecardResult;
import io.jixiao.soap.internal.evaluation.JixiaoFaultMessage;
import io.jixiao.soap.internal.evaluation.Line;
import io.jixiao.soap.internal.evaluation.ListEvaluationAdjustmentsRequest;
import io.jixiao.soap.internal.evaluation.ListEvaluationAdjustmentsResult;
import io.jixiao.soap.internal.evaluation.ListEvaluationTasksRequest;
import io.jixiao.soap.internal.evaluation.ListEvaluationTasksResult;
import io.jixiao.soap.internal.evaluation.Scorecard;
import io.jixiao.soap.internal.evaluation.SubmitSelfEvaluationRequest;
import io.jixiao.soap.internal.evaluation.SubmitSelfEvaluationResult;
import io.jixiao.soap.internal.evaluation.Task;
import io.jixiao.soap.internal.evaluation.Totals;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jws.WebService;

/** Evaluation and result application over SOAP: the REST operations' twins (docs/evaluation.md). */
@WebService(endpointInterface = "io.jixiao.soap.internal.evaluation.EvaluationPortType",
        targetNamespace = EvaluationEndpoint.NAMESPACE, serviceName = "EvaluationService", portName = "EvaluationPort",
        wsdlLocation = EvaluationEndpoint.WSDL)
public final class EvaluationEndpoint implements EvaluationPortType {
    static final String WSDL = "wsdl/evaluation.wsdl";
    static final String NAMESPACE = "http://jixiao.io/ws/evaluation/v1";

    private final EvaluationService evaluations;
    private final ComprehensiveEvaluationService comprehensive;
    private final RequestIds requestIds;
    private final XmlTimes times = new XmlTimes();

    EvaluationEndpoint(EvaluationService evaluations, ComprehensiveEvaluationService comprehensive,
            RequestIds requestIds) {
        this.evaluations = evaluations;
        this.comprehensive = comprehensive;
        this.requestIds = requestIds;
    }

    @Override
    public OpenComprehensiveEvaluationsResult openComprehensiveEvaluations(OpenComprehensiveEvaluationsRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("OpenComprehensiveEvaluations", r, OpenComprehensiveEvaluationsResult.class, FAULTS,
                () -> {
                    Violations v = new Violations();
                    MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
                    FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
                    List<MofDivCode> subjects = v.values("MOF_DIV_CODES", r.getSUBJECTDIVCODE(), MofDivCode::of);
                    java.time.LocalDate due = r.getDUE() == null ? null : v.check(() -> XmlTimes.day("DUE", r.getDUE()));
                    Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
                    v.throwIfAny();
                    OpenComprehensiveEvaluationsResult out = new OpenComprehensiveEvaluationsResult();
                    comprehensive.open(region, year, subjects, r.getEVALUATOR(), due, actor)
                            .forEach(e -> out.getEVALUATION().add(regionEvaluation(e)));
                    return out;
                });
    }

    @Override
    public ListComprehensiveEvaluationsResult listComprehensiveEvaluations(ListComprehensiveEvaluationsRequest r)
            throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            v.throwIfAny();
            ListComprehensiveEvaluationsResult out = new ListComprehensiveEvaluationsResult();
            comprehensive.evaluations(region, year, caller().reader())
                    .forEach(e -> out.getEVALUATION().add(regionEvaluation(e)));
            return out;
        });
    }

    @Override
    public GetComprehensiveEvaluationResult getComprehensiveEvaluation(GetComprehensiveEvaluationRequest r)
            throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            GetComprehensiveEvaluationResult out = new GetComprehensiveEvaluationResult();
            out.setEVALUATION(regionEvaluation(comprehensive.evaluation(r.getEVALUATIONID(), caller().reader())));
            return out;
        });
    }

    @Override
    public SubmitComprehensiveEvaluationResult submitComprehensiveEvaluation(SubmitComprehensiveEvaluationRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("SubmitComprehensiveEvaluation", r, SubmitComprehensiveEvaluationResult.class, FAULTS,
                () -> {
                    Violations v = new Violations();
                    List<io.jixiao.api.evaluation.RegionCriterion> criteria = v.each("CRITERIA", r.getCRITERION(),
                            (x, c) -> io.jixiao.api.evaluation.RegionCriterion.from(x, c.getDIMENSION(), c.getNAME(),
                                    c.getPOINTS(), c.getSCORE()));
                    Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
                    v.throwIfAny();
                    SubmitComprehensiveEvaluationResult out = new SubmitComprehensiveEvaluationResult();
                    out.setSCORECARD(regionScorecard(r.getEVALUATIONID(),
                            comprehensive.submit(r.getEVALUATIONID(), criteria, actor)));
                    return out;
                });
    }

    @Override
    public GetComprehensiveScorecardResult getComprehensiveScorecard(GetComprehensiveScorecardRequest r)
            throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            GetComprehensiveScorecardResult out = new GetComprehensiveScorecardResult();
            out.setSCORECARD(regionScorecard(r.getEVALUATIONID(),
                    comprehensive.scorecard(r.getEVALUATIONID(), caller().reader())));
            return out;
        });
    }

    @Override
    public ApplyTransferResultsResult applyTransferResults(ApplyTransferResultsRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ApplyTransferResults", r, ApplyTransferResultsResult.class, FAULTS, () -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            return run(comprehensive.applyResults(region, year, actor), new ApplyTransferResultsResult());
        });
    }

    @Override
    public ListTransferAdjustmentsResult listTransferAdjustments(ListTransferAdjustmentsRequest r)
            throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            v.throwIfAny();
            ListTransferAdjustmentsResult out = new ListTransferAdjustmentsResult();
            comprehensive.adjustments(region, year, caller().reader())
                    .forEach(a -> out.getADJUSTMENT().add(transferAdjustment(a)));
            return out;
        });
    }

    /**
     * The service names list fields as REST spells them ({@code MOF_DIV_CODES[1]}, {@code CRITERIA[0].SCORE}); a SOAP
     * caller is told the element it sent ({@code SUBJECT_DIV_CODE[1]}, {@code CRITERION[0].SCORE}).
     */
    @Override
    public TransferWhatIfResult transferWhatIf(TransferWhatIfRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            Map<String, String> proposed = proposed(r.getPOLICY(), v);
            v.throwIfAny();
            io.jixiao.api.evaluation.TransferWhatIf w = comprehensive.whatIf(region, year, proposed, actor);
            TransferWhatIfResult out = new TransferWhatIfResult();
            out.setTARGETYEAR(w.targetYear());
            out.setPOLICYVERSION(w.policyVersion());
            out.setALLOCATEDAMT(w.allocated());
            out.setCHANGEAMT(w.change());
            out.setRESULTAMT(w.result());
            out.setCUT(w.cut());
            w.recipients().forEach(a -> out.getRECIPIENT().add(transferAdjustment(a)));
            return out;
        });
    }

    /** A result application's run as either operation answers it (both results extend ApplicationRun). */
    private static <R extends io.jixiao.soap.internal.evaluation.ApplicationRun> R run(ApplicationRun run, R out) {
        out.setTARGETYEAR(run.targetYear());
        out.setRECORDED(run.recorded());
        out.setAPPLIED(run.applied());
        out.setNOTINDRAFT(run.notInDraft());
        out.setPENDING(run.pending());
        out.setCONFLICTS(run.conflicts());
        out.setCHANGEAMT(run.change().setScale(2));
        return out;
    }

    /** A what-if's proposed rows by key; a key given twice is named. */
    private static Map<String, String> proposed(List<PolicyRow> rows, Violations v) {
        Map<String, String> proposed = new LinkedHashMap<>();
        for (PolicyRow p : rows) {
            if (proposed.put(p.getKEY(), p.getVALUE()) != null) {
                v.add("POLICY", "unique", p.getKEY() + " is given twice");
            }
        }
        return proposed;
    }

    private RegionEvaluation regionEvaluation(io.jixiao.api.evaluation.RegionEvaluation e) {
        RegionEvaluation out = new RegionEvaluation();
        out.setEVALUATIONID(e.evaluationId());
        out.setMOFDIVCODE(e.mofDivCode().value());
        out.setFISCALYEAR(e.fiscalYear().value());
        out.setSUBJECTDIVCODE(e.subject().value());
        out.setSTATUS(io.jixiao.soap.internal.evaluation.TaskStatus.fromValue(e.status().name()));
        out.setOPENEDBY(e.openedBy());
        out.setOPENEDAT(times.of(e.openedAt()));
        out.setDUE(times.date(e.due()));
        out.setOVERDUE(e.overdue(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
        out.setEVALUATOR(e.evaluator());
        out.setSUBMITTEDBY(e.submittedBy());
        out.setSUBMITTEDAT(e.submittedAt() == null ? null : times.of(e.submittedAt()));
        out.setTOTAL(e.total());
        out.setGRADE(e.grade() == null ? null : e.grade().name());
        out.setRULEVERSION(e.ruleVersion());
        return out;
    }

    private static RegionScorecard regionScorecard(long id, io.jixiao.api.evaluation.RegionScorecard card) {
        RegionScorecard out = new RegionScorecard();
        out.setEVALUATIONID(id);
        for (io.jixiao.api.evaluation.RegionCriterion c : card.criteria()) {
            RegionCriterion line = new RegionCriterion();
            line.setDIMENSION(c.dimension());
            line.setNAME(c.name());
            line.setPOINTS(c.points());
            line.setSCORE(c.score());
            out.getCRITERION().add(line);
        }
        out.setTOTAL(card.total());
        out.setGRADE(card.grade().name());
        out.setGRADEZH(card.grade().chinese());
        out.setRULEVERSION(card.ruleVersion());
        return out;
    }

    private TransferAdjustment transferAdjustment(io.jixiao.api.evaluation.TransferAdjustment a) {
        TransferAdjustment out = new TransferAdjustment();
        out.setEVALUATIONID(a.evaluationId());
        out.setCHANGEID(a.changeId());
        out.setMOFDIVCODE(a.mofDivCode().value());
        out.setFISCALYEAR(a.evaluatedYear().value());
        out.setTARGETYEAR(a.targetYear().value());
        out.setRECIPIENTDIVCODE(a.recipient().value());
        out.setGRADE(a.grade().name());
        out.setTOTAL(a.total());
        out.setACTION(a.action().name());
        out.setCUTPERCENT(a.cutPercent());
        out.setALLOCATEDAMT(a.allocated());
        out.setCHANGEAMT(a.change());
        out.setPOLICY(a.policy());
        out.setSTATUS(io.jixiao.soap.internal.evaluation.AdjustmentStatus.fromValue(a.status().name()));
        out.setCREATEDBY(a.createdBy());
        out.setCREATEDAT(times.of(a.createdAt()));
        out.setAPPLIEDAT(a.appliedAt() == null ? null : times.of(a.appliedAt()));
        return out;
    }

    @Override
    public CloseEvaluationYearResult closeEvaluationYear(CloseEvaluationYearRequest r) throws JixiaoFaultMessage {
        return requestIds.once("CloseEvaluationYear", r, CloseEvaluationYearResult.class, FAULTS, () -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            AgencyCode agency = v.check(() -> AgencyCode.of(r.getAGENCYCODE()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            YearClosed closed = evaluations.closeYear(region, year, agency, actor);
            CloseEvaluationYearResult out = new CloseEvaluationYearResult();
            closed.opened().forEach(t -> out.getTASK().add(task(t)));
            out.setALREADYOPEN(closed.alreadyOpen());
            out.getWITHOUTGOAL().addAll(closed.withoutGoal());
            out.setWHOLEWITHOUTGOAL(closed.wholeWithoutGoal() ? Boolean.TRUE : null);
            return out;
        });
    }

    @Override
    public ListEvaluationTasksResult listEvaluationTasks(ListEvaluationTasksRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            AgencyCode agency = r.getAGENCYCODE() == null ? null : v.check(() -> AgencyCode.of(r.getAGENCYCODE()));
            v.throwIfAny();
            int limit = r.getLIMIT() == null ? 100 : r.getLIMIT();
            List<EvaluationTask> tasks = evaluations.tasks(region, year, agency,
                    r.getKIND() == null ? null : EvaluationKind.valueOf(r.getKIND().value()),
                    r.getSTATUS() == null ? null : TaskStatus.valueOf(r.getSTATUS().value()),
                    r.getAFTER() == null ? 0 : r.getAFTER(), limit, caller().reader());
            ListEvaluationTasksResult out = new ListEvaluationTasksResult();
            tasks.forEach(t -> out.getTASK().add(task(t)));
            out.setNEXT(tasks.size() == limit ? tasks.get(tasks.size() - 1).taskId() : null);
            return out;
        });
    }

    @Override
    public GetEvaluationTaskResult getEvaluationTask(GetEvaluationTaskRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            GetEvaluationTaskResult out = new GetEvaluationTaskResult();
            out.setTASK(task(evaluations.task(r.getTASKID(), caller().reader())));
            return out;
        });
    }

    @Override
    public SubmitSelfEvaluationResult submitSelfEvaluation(SubmitSelfEvaluationRequest r) throws JixiaoFaultMessage {
        return requestIds.once("SubmitSelfEvaluation", r, SubmitSelfEvaluationResult.class, FAULTS, () -> {
            Violations v = new Violations();
            Submission submission = Submission.from(v, r.getINDICATOR(),
                    (x, e) -> IndicatorEntry.from(x, e.getLINE(), e.getACTUAL(), e.getACHIEVEMENT() == null ? null
                            : e.getACHIEVEMENT().value(), e.getPERCENT(), e.getDEVIATIONREASON()),
                    r.getCRITERION(), (x, c) -> CriterionEntry.from(x, c.getPART() == null ? null
                            : c.getPART().value(), c.getNAME(), c.getPOINTS(), c.getSCORE()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            SubmitSelfEvaluationResult out = new SubmitSelfEvaluationResult();
            out.setSCORECARD(scorecard(r.getTASKID(), evaluations.submit(r.getTASKID(),
                    submission.indicators(), submission.criteria(), actor)));
            return out;
        });
    }

    @Override
    public AssignEvaluationsResult assignEvaluations(AssignEvaluationsRequest r) throws JixiaoFaultMessage {
        return requestIds.once("AssignEvaluations", r, AssignEvaluationsResult.class, FAULTS, () -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            List<ProCode> projects = v.values("PRO_CODES", r.getPROCODE(), ProCode::of);
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            Assigned assigned = evaluations.assign(region, year, EvaluationKind.valueOf(r.getKIND().value()),
                    projects, r.getEVALUATOR(), actor);
            AssignEvaluationsResult out = new AssignEvaluationsResult();
            assigned.opened().forEach(t -> out.getTASK().add(task(t)));
            out.setALREADYASSIGNED(assigned.alreadyAssigned());
            out.getNOTEVALUABLE().addAll(assigned.notEvaluable());
            out.setSAMPLE(assigned.sample());
            return out;
        });
    }

    @Override
    public GetScorecardResult getScorecard(GetScorecardRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            GetScorecardResult out = new GetScorecardResult();
            out.setSCORECARD(scorecard(r.getTASKID(), evaluations.scorecard(r.getTASKID(), caller().reader())));
            return out;
        });
    }

    @Override
    public ApplyEvaluationResultsResult applyEvaluationResults(ApplyEvaluationResultsRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("ApplyEvaluationResults", r, ApplyEvaluationResultsResult.class, FAULTS, () -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            return run(evaluations.applyResults(region, year, actor), new ApplyEvaluationResultsResult());
        });
    }

    @Override
    public ListEvaluationAdjustmentsResult listEvaluationAdjustments(ListEvaluationAdjustmentsRequest r)
            throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            v.throwIfAny();
            int limit = r.getLIMIT() == null ? 100 : r.getLIMIT();
            List<io.jixiao.api.evaluation.Adjustment> page = evaluations.adjustments(region, year,
                    r.getSTATUS() == null ? null : AdjustmentStatus.valueOf(r.getSTATUS().value()),
                    r.getAFTER() == null ? 0 : r.getAFTER(), limit, caller().reader());
            ListEvaluationAdjustmentsResult out = new ListEvaluationAdjustmentsResult();
            page.forEach(a -> out.getADJUSTMENT().add(adjustment(a)));
            out.setNEXT(page.size() == limit ? page.get(page.size() - 1).taskId() : null);
            return out;
        });
    }

    @Override
    public EvaluationWhatIfResult evaluationWhatIf(EvaluationWhatIfRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            Map<String, String> proposed = proposed(r.getPOLICY(), v);
            v.throwIfAny();
            WhatIf w = evaluations.whatIf(region, year, proposed, actor);
            EvaluationWhatIfResult out = new EvaluationWhatIfResult();
            out.setTARGETYEAR(w.targetYear());
            out.setPOLICYVERSION(w.policyVersion());
            out.setREGION(totals(w.region()));
            w.departments().forEach(d -> out.getDEPARTMENT().add(totals(d)));
            out.setNOTINDRAFT(w.notInDraft());
            out.setNOTRECTIFIED(w.notRectified());
            out.setREGIONIFRECTIFIED(totals(w.regionIfRectified()));
            return out;
        });
    }

    private Task task(EvaluationTask t) {
        Task out = new Task();
        out.setTASKID(t.taskId());
        out.setMOFDIVCODE(t.mofDivCode().value());
        out.setFISCALYEAR(t.fiscalYear().value());
        out.setAGENCYCODE(t.agencyCode().value());
        out.setPROCODE(t.proCode().value());
        out.setKIND(t.kind().name());
        out.setGOALID(t.goalId());
        out.setGOALVERSION(t.goalVersion());
        out.setBUDGETAMT(t.budget().yuan());
        out.setSPENTAMT(t.spent().yuan());
        out.setSTATUS(io.jixiao.soap.internal.evaluation.TaskStatus.fromValue(t.status().name()));
        out.setOPENEDAT(times.of(t.openedAt()));
        out.setSUBMITTEDBY(t.submittedBy());
        out.setSUBMITTEDAT(t.submittedAt() == null ? null : times.of(t.submittedAt()));
        out.setTOTAL(t.total());
        out.setGRADE(t.grade() == null ? null : t.grade().name());
        out.setRULEVERSION(t.ruleVersion());
        out.setDUE(times.date(t.due()));
        out.setOVERDUE(t.overdue(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
        out.setEVALUATOR(t.evaluator());
        out.setSELFTOTAL(t.selfTotal());
        out.setGAP(t.gap());
        out.setGAPFLAGGED(t.gapFlagged());
        return out;
    }

    private static Scorecard scorecard(long taskId, io.jixiao.api.evaluation.Scorecard card) {
        Scorecard out = new Scorecard();
        out.setTASKID(taskId);
        int n = 0;
        for (IndicatorScore s : card.indicators()) {
            Line l = new Line();
            l.setLINE(++n);
            l.setLEVEL1(s.entry().indicator().level1().name());
            l.setLEVEL2(s.entry().indicator().level2().name());
            l.setKPICONTENT(s.entry().indicator().name());
            l.setCOMPUTESIGN(s.entry().indicator().sign().name());
            l.setTARGET(s.entry().indicator().target());
            l.setUNIT(s.entry().indicator().unit().isEmpty() ? null : s.entry().indicator().unit());
            l.setACTUAL(s.entry().actual());
            l.setACHIEVEMENT(s.entry().achievement() == null ? null
                    : io.jixiao.soap.internal.evaluation.Achievement.fromValue(s.entry().achievement().name()));
            l.setPERCENT(s.entry().percent());
            l.setWEIGHT(s.weight().setScale(2, RoundingMode.HALF_UP));
            l.setMET(s.met());
            l.setPOINTS(s.shownPoints());
            l.setDEVIATIONREASON(s.entry().deviationReason().isEmpty() ? null : s.entry().deviationReason());
            out.getINDICATOR().add(l);
        }
        out.setBUDGETAMT(card.execution().budget().yuan());
        out.setSPENTAMT(card.execution().spent().yuan());
        out.setEXECUTIONRATE(card.execution().ratePercent());
        out.setEXECUTIONPOINTS(card.execution().points().setScale(2, RoundingMode.HALF_UP));
        out.setTOTAL(card.total());
        out.setGRADE(card.grade().name());
        out.setGRADEZH(card.grade().chinese());
        out.setRULEVERSION(card.ruleVersion());
        for (io.jixiao.api.evaluation.CriterionScore c : card.criteria()) {
            CriterionLine line = new CriterionLine();
            line.setPART(io.jixiao.soap.internal.evaluation.KeyPart.fromValue(c.entry().part().name()));
            line.setNAME(c.entry().name());
            line.setPOINTS(c.entry().points());
            line.setSCORE(c.entry().score());
            line.setWEIGHT(c.weight().setScale(2, RoundingMode.HALF_UP));
            line.setEARNED(c.shownPoints());
            out.getCRITERION().add(line);
        }
        return out;
    }

    private Adjustment adjustment(io.jixiao.api.evaluation.Adjustment a) {
        Adjustment out = new Adjustment();
        out.setTASKID(a.taskId());
        out.setCHANGEID(a.changeId());
        out.setMOFDIVCODE(a.mofDivCode().value());
        out.setFISCALYEAR(a.evaluatedYear().value());
        out.setTARGETYEAR(a.targetYear().value());
        out.setAGENCYCODE(a.agencyCode().value());
        out.setDEPTCODE(a.deptCode());
        out.setPROCODE(a.proCode().value());
        out.setGRADE(a.grade().name());
        out.setTOTAL(a.total());
        out.setACTION(a.action().name());
        out.setCUTPERCENT(a.cutPercent());
        out.setREQUESTEDAMT(a.requested());
        out.setCHANGEAMT(a.change());
        out.setPOLICY(a.policy());
        out.setSTATUS(io.jixiao.soap.internal.evaluation.AdjustmentStatus.fromValue(a.status().name()));
        out.setCREATEDBY(a.createdBy());
        out.setCREATEDAT(times.of(a.createdAt()));
        out.setAPPLIEDAT(a.appliedAt() == null ? null : times.of(a.appliedAt()));
        return out;
    }

    private static Totals totals(WhatIf.Totals t) {
        Totals out = new Totals();
        out.setCODE(t.code());
        out.setPROJECTS(t.projects());
        out.setREQUESTEDAMT(t.requested());
        out.setCHANGEAMT(t.change());
        out.setRESULTAMT(t.result());
        out.setCUT(t.cut());
        return out;
    }

    /** This contract's fault: the one JixiaoFault of common.xsd. */
    static final FaultContract<JixiaoFaultMessage> FAULTS = new FaultContract<>(JixiaoFaultMessage::new, JixiaoFaultMessage::getFaultInfo);
}
