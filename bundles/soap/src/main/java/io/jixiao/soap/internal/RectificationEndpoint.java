package io.jixiao.soap.internal;

import static io.jixiao.soap.internal.UsernameTokenInterceptor.caller;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Violations;
import io.jixiao.api.rectification.CaseOpening;
import io.jixiao.api.rectification.CasePage;
import io.jixiao.api.rectification.CaseStatus;
import io.jixiao.api.rectification.FeedbackLetter;
import io.jixiao.api.rectification.RectificationCase;
import io.jixiao.api.rectification.RectificationService;
import io.jixiao.api.rectification.Referral;
import io.jixiao.api.rectification.ReferralGround;
import io.jixiao.soap.internal.rectification.Case;
import io.jixiao.soap.internal.rectification.CloseRectificationCaseRequest;
import io.jixiao.soap.internal.rectification.CloseRectificationCaseResult;
import io.jixiao.soap.internal.rectification.DecideRectificationExtensionRequest;
import io.jixiao.soap.internal.rectification.DecideRectificationExtensionResult;
import io.jixiao.soap.internal.rectification.GetFeedbackLetterRequest;
import io.jixiao.soap.internal.rectification.GetFeedbackLetterResult;
import io.jixiao.soap.internal.rectification.GetRectificationCaseRequest;
import io.jixiao.soap.internal.rectification.GetRectificationCaseResult;
import io.jixiao.soap.internal.rectification.IssueFeedbackLetterRequest;
import io.jixiao.soap.internal.rectification.IssueFeedbackLetterResult;
import io.jixiao.soap.internal.rectification.JixiaoFaultMessage;
import io.jixiao.soap.internal.rectification.ListRectificationCasesRequest;
import io.jixiao.soap.internal.rectification.ListRectificationCasesResult;
import io.jixiao.soap.internal.rectification.ListRectificationStepsRequest;
import io.jixiao.soap.internal.rectification.ListRectificationStepsResult;
import io.jixiao.soap.internal.rectification.MarkRectificationOverdueRequest;
import io.jixiao.soap.internal.rectification.MarkRectificationOverdueResult;
import io.jixiao.soap.internal.rectification.OpenRectificationCaseRequest;
import io.jixiao.soap.internal.rectification.OpenRectificationCaseResult;
import io.jixiao.soap.internal.rectification.RectificationPortType;
import io.jixiao.soap.internal.rectification.ReportRectificationRequest;
import io.jixiao.soap.internal.rectification.ReportRectificationResult;
import io.jixiao.soap.internal.rectification.RequestRectificationExtensionRequest;
import io.jixiao.soap.internal.rectification.RequestRectificationExtensionResult;
import io.jixiao.soap.internal.rectification.ReturnRectificationRequest;
import io.jixiao.soap.internal.rectification.ReturnRectificationResult;
import io.jixiao.soap.internal.rectification.Status;
import io.jixiao.soap.internal.rectification.Step;
import io.jixiao.soap.internal.rectification.Subject;
import io.jixiao.soap.internal.rectification.SubmitRectificationMeasuresRequest;
import io.jixiao.soap.internal.rectification.SubmitRectificationMeasuresResult;
import java.time.LocalDate;
import java.util.List;
import javax.jws.WebService;

/** Rectification 整改 over SOAP: the REST operations' twins (docs/rectification.md). */
@WebService(endpointInterface = "io.jixiao.soap.internal.rectification.RectificationPortType",
        targetNamespace = RectificationEndpoint.NAMESPACE, serviceName = "RectificationService",
        portName = "RectificationPort", wsdlLocation = RectificationEndpoint.WSDL)
public final class RectificationEndpoint implements RectificationPortType {
    static final String WSDL = "wsdl/rectification.wsdl";
    static final String NAMESPACE = "http://jixiao.io/ws/rectification/v1";

    private final RectificationService cases;
    private final RequestIds requestIds;
    private final XmlTimes times = new XmlTimes();

    RectificationEndpoint(RectificationService cases, RequestIds requestIds) {
        this.cases = cases;
        this.requestIds = requestIds;
    }

    @Override
    public OpenRectificationCaseResult openRectificationCase(OpenRectificationCaseRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("OpenRectificationCase", r, OpenRectificationCaseResult.class, FAULTS, () -> {
            Violations v = new Violations();
            List<io.jixiao.api.rectification.Problem> problems = v.each("PROBLEMS", r.getPROBLEM(),
                    (w, p) -> io.jixiao.api.rectification.Problem.from(w, p.getTEXT(), p.getINDICATOR()));
            io.jixiao.api.rectification.Responsible person = r.getRESPONSIBLE() == null ? null
                    : v.within("RESPONSIBLE.", w -> io.jixiao.api.rectification.Responsible.from(w,
                            r.getRESPONSIBLE().getNAME(), r.getRESPONSIBLE().getACCOUNT(),
                            r.getRESPONSIBLE().getPHONE()));
            LocalDate deadline = v.check(() -> XmlTimes.day("DEADLINE", r.getDEADLINE()));
            CaseOpening opening = CaseOpening.from(v, r.getMOFDIVCODE(), r.getFISCALYEAR(),
                    r.getSUBJECT() == null ? null : r.getSUBJECT().value(), r.getAGENCYCODE(), r.getPROCODE(),
                    r.getSUBJECTDIVCODE(), problems, person, deadline);
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            OpenRectificationCaseResult out = new OpenRectificationCaseResult();
            out.setCASE(toXml(cases.open(opening, actor)));
            return out;
        });
    }

    @Override
    public GetRectificationCaseResult getRectificationCase(GetRectificationCaseRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            GetRectificationCaseResult out = new GetRectificationCaseResult();
            out.setCASE(toXml(cases.find(r.getCASEID(), caller().reader())
                    .orElseThrow(() -> new NotFoundException("no rectification case " + r.getCASEID()))));
            return out;
        });
    }

    @Override
    public ListRectificationCasesResult listRectificationCases(ListRectificationCasesRequest r)
            throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            v.throwIfAny();
            CasePage page = cases.list(region, r.isOPENONLY() == null || r.isOPENONLY(),
                    r.getAFTER() == null ? 0 : r.getAFTER(), r.getLIMIT() == null ? 100 : r.getLIMIT(),
                    caller().reader());
            ListRectificationCasesResult out = new ListRectificationCasesResult();
            page.cases().forEach(c -> out.getCASE().add(toXml(c)));
            out.setNEXTAFTER(page.next());
            return out;
        });
    }

    @Override
    public ListRectificationStepsResult listRectificationSteps(ListRectificationStepsRequest r)
            throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            ListRectificationStepsResult out = new ListRectificationStepsResult();
            out.setCASEID(r.getCASEID());
            cases.steps(r.getCASEID(), caller().reader()).forEach(s -> {
                Step x = new Step();
                x.setSEQ(s.seq());
                x.setACTION(s.action());
                x.setSTATUS(Status.fromValue(s.status().name()));
                x.setACTOR(s.actor());
                x.setAT(times.of(s.at()));
                x.setTEXT(s.text());
                x.setDEADLINE(times.date(s.deadline()));
                out.getSTEP().add(x);
            });
            return out;
        });
    }

    @Override
    public IssueFeedbackLetterResult issueFeedbackLetter(IssueFeedbackLetterRequest r) throws JixiaoFaultMessage {
        return requestIds.once("IssueFeedbackLetter", r, IssueFeedbackLetterResult.class, FAULTS, () -> {
            Actor actor = caller().actor(r.getOPERATOR());
            cases.issueLetter(r.getCASEID(), actor);
            IssueFeedbackLetterResult out = new IssueFeedbackLetterResult();
            out.setCASE(toXml(cases.find(r.getCASEID(), actor).orElseThrow()));
            return out;
        });
    }

    @Override
    public GetFeedbackLetterResult getFeedbackLetter(GetFeedbackLetterRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            FeedbackLetter letter = cases.letter(r.getCASEID(), caller().reader());
            GetFeedbackLetterResult out = new GetFeedbackLetterResult();
            out.setCASEID(letter.caseId());
            out.setTITLE(letter.title());
            out.setHTML(letter.html());
            out.setDOCXPATH("/api/v1/rectification/cases/" + letter.caseId() + "/letter?FORMAT=DOCX");
            return out;
        });
    }

    @Override
    public SubmitRectificationMeasuresResult submitRectificationMeasures(SubmitRectificationMeasuresRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("SubmitRectificationMeasures", r, SubmitRectificationMeasuresResult.class, FAULTS,
                () -> {
                    Actor actor = caller().actor(r.getOPERATOR());
                    SubmitRectificationMeasuresResult out = new SubmitRectificationMeasuresResult();
                    out.setCASE(toXml(cases.submitMeasures(r.getCASEID(), r.getMEASURES(), actor)));
                    return out;
                });
    }

    @Override
    public ReportRectificationResult reportRectification(ReportRectificationRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ReportRectification", r, ReportRectificationResult.class, FAULTS, () -> {
            Actor actor = caller().actor(r.getOPERATOR());
            ReportRectificationResult out = new ReportRectificationResult();
            out.setCASE(toXml(cases.report(r.getCASEID(), r.getREPORT(), actor)));
            return out;
        });
    }

    @Override
    public ReturnRectificationResult returnRectification(ReturnRectificationRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ReturnRectification", r, ReturnRectificationResult.class, FAULTS, () -> {
            Violations v = new Violations();
            Reason reason = v.check(() -> Reason.of(r.getREASON()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            ReturnRectificationResult out = new ReturnRectificationResult();
            out.setCASE(toXml(cases.returnCase(r.getCASEID(), reason, actor)));
            return out;
        });
    }

    @Override
    public CloseRectificationCaseResult closeRectificationCase(CloseRectificationCaseRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("CloseRectificationCase", r, CloseRectificationCaseResult.class, FAULTS, () -> {
            Violations v = new Violations();
            Reason reason = v.check(() -> Reason.of(r.getREASON()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            CloseRectificationCaseResult out = new CloseRectificationCaseResult();
            out.setCASE(toXml(cases.close(r.getCASEID(), CaseStatus.valueOf(r.getOUTCOME().value()), reason,
                    actor)));
            return out;
        });
    }

    @Override
    public RequestRectificationExtensionResult requestRectificationExtension(
            RequestRectificationExtensionRequest r) throws JixiaoFaultMessage {
        return requestIds.once("RequestRectificationExtension", r, RequestRectificationExtensionResult.class,
                FAULTS, () -> {
                    Violations v = new Violations();
                    LocalDate until = v.check(() -> XmlTimes.day("UNTIL", r.getUNTIL()));
                    Reason reason = v.check(() -> Reason.of(r.getREASON()));
                    Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
                    v.throwIfAny();
                    RequestRectificationExtensionResult out = new RequestRectificationExtensionResult();
                    out.setCASE(toXml(cases.requestExtension(r.getCASEID(), until, reason, actor)));
                    return out;
                });
    }

    @Override
    public DecideRectificationExtensionResult decideRectificationExtension(DecideRectificationExtensionRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("DecideRectificationExtension", r, DecideRectificationExtensionResult.class, FAULTS,
                () -> {
                    Violations v = new Violations();
                    LocalDate deadline = v.check(() -> XmlTimes.day("DEADLINE", r.getDEADLINE()));
                    Reason reason = v.check(() -> Reason.of(r.getREASON()));
                    Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
                    v.throwIfAny();
                    DecideRectificationExtensionResult out = new DecideRectificationExtensionResult();
                    out.setCASE(toXml(cases.decideExtension(r.getCASEID(), r.isGRANT(), deadline, reason, actor)));
                    return out;
                });
    }

    @Override
    public MarkRectificationOverdueResult markRectificationOverdue(MarkRectificationOverdueRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("MarkRectificationOverdue", r, MarkRectificationOverdueResult.class, FAULTS, () -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            MarkRectificationOverdueResult out = new MarkRectificationOverdueResult();
            out.setMOFDIVCODE(region.value());
            out.setMARKED(cases.markOverdue(region, actor));
            return out;
        });
    }

    @Override
    public io.jixiao.soap.internal.rectification.ReferRectificationCaseResult referRectificationCase(
            io.jixiao.soap.internal.rectification.ReferRectificationCaseRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ReferRectificationCase", r,
                io.jixiao.soap.internal.rectification.ReferRectificationCaseResult.class, FAULTS, () -> {
                    Violations v = new Violations();
                    Reason reason = v.check(() -> Reason.of(r.getREASON()));
                    Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
                    v.throwIfAny();
                    var out = new io.jixiao.soap.internal.rectification.ReferRectificationCaseResult();
                    out.setREFERRAL(toXml(cases.refer(r.getCASEID(), ReferralGround.valueOf(r.getGROUND().value()),
                            r.getREFERREDTO(), reason, actor)));
                    return out;
                });
    }

    @Override
    public io.jixiao.soap.internal.rectification.GetReferralResult getReferral(
            io.jixiao.soap.internal.rectification.GetReferralRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            var out = new io.jixiao.soap.internal.rectification.GetReferralResult();
            out.setREFERRAL(toXml(cases.referral(r.getREFERRALID(), caller().reader())
                    .orElseThrow(() -> new NotFoundException("no referral " + r.getREFERRALID()))));
            return out;
        });
    }

    @Override
    public io.jixiao.soap.internal.rectification.ListReferralsResult listReferrals(
            io.jixiao.soap.internal.rectification.ListReferralsRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            v.throwIfAny();
            var out = new io.jixiao.soap.internal.rectification.ListReferralsResult();
            cases.referrals(region, caller().reader()).forEach(x -> out.getREFERRAL().add(toXml(x)));
            return out;
        });
    }

    @Override
    public io.jixiao.soap.internal.rectification.AddReferralOutcomeResult addReferralOutcome(
            io.jixiao.soap.internal.rectification.AddReferralOutcomeRequest r) throws JixiaoFaultMessage {
        return requestIds.once("AddReferralOutcome", r,
                io.jixiao.soap.internal.rectification.AddReferralOutcomeResult.class, FAULTS, () -> {
                    Violations v = new Violations();
                    v.text("OUTCOME", r.getOUTCOME(), Reason.MAX_LENGTH, true);
                    Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
                    v.throwIfAny();
                    var out = new io.jixiao.soap.internal.rectification.AddReferralOutcomeResult();
                    out.setREFERRAL(toXml(cases.addOutcome(r.getREFERRALID(), Reason.of(r.getOUTCOME()), actor)));
                    return out;
                });
    }

    private io.jixiao.soap.internal.rectification.Referral toXml(Referral r) {
        var out = new io.jixiao.soap.internal.rectification.Referral();
        out.setREFERRALID(r.id());
        out.setCASEID(r.caseId());
        out.setMOFDIVCODE(r.mofDivCode().value());
        out.setGROUND(io.jixiao.soap.internal.rectification.Ground.fromValue(r.ground().name()));
        out.setREFERREDTO(r.referredTo());
        out.setREASON(r.reason());
        out.getAUDITID().addAll(r.auditIds());
        out.setCREATEDBY(r.createdBy());
        out.setCREATEDAT(times.of(r.createdAt()));
        r.outcomes().forEach(o -> {
            var x = new io.jixiao.soap.internal.rectification.ReferralOutcome();
            x.setSEQ(o.seq());
            x.setOUTCOME(o.text());
            x.setRECORDEDBY(o.by());
            x.setRECORDEDAT(times.of(o.at()));
            out.getOUTCOME().add(x);
        });
        return out;
    }

    private Case toXml(RectificationCase c) {
        Case out = new Case();
        out.setCASEID(c.id());
        out.setORIGIN(c.origin().name());
        out.setORIGINID(c.originId());
        out.setMOFDIVCODE(c.mofDivCode().value());
        out.setFISCALYEAR(c.fiscalYear().value());
        out.setSUBJECT(Subject.fromValue(c.subject().name()));
        out.setAGENCYCODE(c.agencyCode() == null ? null : c.agencyCode().value());
        out.setPROCODE(c.proCode() == null ? null : c.proCode().value());
        out.setDEPTCODE(c.deptCode());
        out.setSUBJECTDIVCODE(c.subjectDivCode() == null ? null : c.subjectDivCode().value());
        out.setORGANISER(c.organiser().name());
        c.problems().forEach(p -> {
            io.jixiao.soap.internal.rectification.Problem x = new io.jixiao.soap.internal.rectification.Problem();
            x.setTEXT(p.text());
            x.setINDICATOR(p.indicator());
            out.getPROBLEM().add(x);
        });
        if (c.responsible() != null) {
            io.jixiao.soap.internal.rectification.Responsible x =
                    new io.jixiao.soap.internal.rectification.Responsible();
            x.setNAME(c.responsible().name());
            x.setACCOUNT(c.responsible().account());
            x.setPHONE(c.responsible().phone());
            out.setRESPONSIBLE(x);
        }
        out.setDEADLINE(times.date(c.deadline()));
        out.setSTATUS(Status.fromValue(c.status().name()));
        out.setEXTENSIONUNTIL(c.extensionUntil() == null ? null : times.date(c.extensionUntil()));
        out.setSTRICTCONTROL(c.strictControl());
        out.setSTRICTSINCE(c.strictSince() == null ? null : times.of(c.strictSince()));
        out.setSTRICTLIFTEDAT(c.strictLiftedAt() == null ? null : times.of(c.strictLiftedAt()));
        out.setHOLDID(c.holdId());
        out.setOPENEDBY(c.openedBy());
        out.setOPENEDAT(times.of(c.openedAt()));
        out.setCLOSEDAT(c.closedAt() == null ? null : times.of(c.closedAt()));
        out.setRULEVERSION(c.ruleVersion());
        return out;
    }

    /** This contract's fault: the one JixiaoFault of common.xsd. */
    static final FaultContract<JixiaoFaultMessage> FAULTS = new FaultContract<>(JixiaoFaultMessage::new,
            JixiaoFaultMessage::getFaultInfo);
}
