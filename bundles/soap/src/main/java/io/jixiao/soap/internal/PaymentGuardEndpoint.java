package io.jixiao.soap.internal;

import static io.jixiao.soap.internal.UsernameTokenInterceptor.caller;

import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.hook.PaymentGuard;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Violations;
import io.jixiao.api.service.HoldService;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.soap.internal.generated.CheckPaymentRequest;
import io.jixiao.soap.internal.generated.CheckPaymentResult;
import io.jixiao.soap.internal.generated.GetHoldRequest;
import io.jixiao.soap.internal.generated.GetHoldResult;
import io.jixiao.soap.internal.generated.Hold;
import io.jixiao.soap.internal.generated.HoldKind;
import io.jixiao.soap.internal.generated.HoldStatus;
import io.jixiao.soap.internal.generated.JixiaoFaultMessage;
import io.jixiao.soap.internal.generated.Outcome;
import io.jixiao.soap.internal.generated.PaymentGuardPortType;
import io.jixiao.soap.internal.generated.PlaceHoldRequest;
import io.jixiao.soap.internal.generated.PlaceHoldResult;
import io.jixiao.soap.internal.generated.ReleaseHoldRequest;
import io.jixiao.soap.internal.generated.ReleaseHoldResult;
import io.jixiao.soap.internal.generated.TargetType;
import javax.jws.WebService;

/**
 * The payment guard and hold service over SOAP. Maps the generated types to the API and typed errors to
 * {@code JixiaoFault}; holds no logic.
 */
@WebService(endpointInterface = "io.jixiao.soap.internal.generated.PaymentGuardPortType",
        targetNamespace = "http://jixiao.io/ws/payment-guard/v1", serviceName = "PaymentGuardService",
        portName = "PaymentGuardPort", wsdlLocation = PaymentGuardEndpoint.WSDL)
public final class PaymentGuardEndpoint implements PaymentGuardPortType {
    static final String WSDL = "wsdl/payment-guard.wsdl";

    private final PaymentGuard guard;
    private final HoldService holds;
    private final RequestIds requestIds;
    private final io.jixiao.api.service.PaymentGuardAdmin admin;
    private final XmlTimes times = new XmlTimes();

    PaymentGuardEndpoint(PaymentGuard guard, HoldService holds, io.jixiao.api.service.PaymentGuardAdmin admin,
            RequestIds requestIds) {
        this.guard = guard;
        this.holds = holds;
        this.admin = admin;
        this.requestIds = requestIds;
    }

    @Override
    public io.jixiao.soap.internal.generated.GetGuardStatusResult getGuardStatus(
            io.jixiao.soap.internal.generated.GetGuardStatusRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            io.jixiao.api.service.GuardState s = admin.state(io.jixiao.api.model.MofDivCode.of(r.getMOFDIVCODE()),
                    caller().reader());
            io.jixiao.soap.internal.generated.GetGuardStatusResult out =
                    new io.jixiao.soap.internal.generated.GetGuardStatusResult();
            out.setCONSISTENCY(s.consistency());
            out.setLOADED(s.loaded());
            out.setTRUSTED(s.trusted());
            out.setINDEXAGEMS(s.indexAgeMillis());
            out.setLASTSYNC(s.lastSync() == null ? null : times.of(s.lastSync()));
            out.setAPPLIEDCHANGE(s.appliedChange());
            out.setHELDTARGETS(s.heldTargets());
            out.setSTALEAFTERMS(s.staleAfterMillis());
            out.setBYPASS(s.bypass() == null ? null : bypass(s.bypass()));
            out.setJOURNALLAGMS(s.journalLagMillis());
            out.setJOURNALBACKLOGBYTES(s.journalBacklogBytes());
            out.setAUDITCHAINBREAK(s.auditChainBreak());
            out.setUNTRUSTEDREASON(s.untrustedReason());
            return out;
        });
    }

    @Override
    public io.jixiao.soap.internal.generated.OpenBypassResult openBypass(
            io.jixiao.soap.internal.generated.OpenBypassRequest r) throws JixiaoFaultMessage {
        return requestIds.once("OpenBypass", r, io.jixiao.soap.internal.generated.OpenBypassResult.class, FAULTS,
                () -> {
                    Violations v = new Violations();
                    io.jixiao.api.model.MofDivCode region = v.check(() -> io.jixiao.api.model.MofDivCode.of(
                            r.getMOFDIVCODE()));
                    Reason reason = v.check(() -> Reason.of(r.getREASON()));
                    Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
                    if (r.getUNTIL() == null || r.getUNTIL().getTimezone()
                            == javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED) {
                        v.add("UNTIL", "date-time", "a time with its offset such as 2026-12-31T18:00:00+08:00");
                    }
                    v.throwIfAny();
                    io.jixiao.soap.internal.generated.OpenBypassResult out =
                            new io.jixiao.soap.internal.generated.OpenBypassResult();
                    out.setBYPASS(bypass(admin.openBypass(region, r.getUNTIL().toGregorianCalendar().toInstant(),
                            reason, actor)));
                    return out;
                });
    }

    @Override
    public io.jixiao.soap.internal.generated.CloseBypassResult closeBypass(
            io.jixiao.soap.internal.generated.CloseBypassRequest r) throws JixiaoFaultMessage {
        return requestIds.once("CloseBypass", r, io.jixiao.soap.internal.generated.CloseBypassResult.class, FAULTS,
                () -> {
                    Violations v = new Violations();
                    Reason reason = v.check(() -> Reason.of(r.getREASON()));
                    Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
                    v.throwIfAny();
                    io.jixiao.soap.internal.generated.CloseBypassResult out =
                            new io.jixiao.soap.internal.generated.CloseBypassResult();
                    out.setBYPASS(bypass(admin.closeBypass(r.getBYPASSID(), reason, actor)));
                    return out;
                });
    }

    private io.jixiao.soap.internal.generated.Bypass bypass(io.jixiao.api.service.Bypass b) {
        io.jixiao.soap.internal.generated.Bypass out = new io.jixiao.soap.internal.generated.Bypass();
        out.setBYPASSID(b.bypassId());
        out.setMOFDIVCODE(b.mofDivCode().value());
        out.setOPENEDAT(times.of(b.openedAt()));
        out.setUNTIL(times.of(b.until()));
        out.setREASON(b.reason().text());
        out.setOPENEDBY(b.openedBy().callerSystem() + "/" + b.openedBy().operator());
        if (b.closedAt() != null) {
            out.setCLOSEDAT(times.of(b.closedAt()));
            out.setCLOSEDBY(b.closedBy().callerSystem() + "/" + b.closedBy().operator());
            out.setCLOSEREASON(b.closeReason().text());
        }
        return out;
    }

    @Override
    public CheckPaymentResult checkPayment(CheckPaymentRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            PaymentApplication app = v.check(() -> PaymentApplication.from(r.getMOFDIVCODE(), r.getFISCALYEAR(),
                    r.getPAYAPPNO(), r.getAGENCYCODE(), r.getPROCODE(), r.getBGTID(), r.getPAYAPPAMT(),
                    r.getEXPKIND() == null ? null : r.getEXPKIND().value(), r.getGOVBGTECOCODE()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            PaymentDecision d = guard.check(app, actor);
            CheckPaymentResult result = new CheckPaymentResult();
            result.setDECISION(Outcome.fromValue(d.outcome().name()));
            result.setREASONCODE(d.reasonCode().name());
            result.setHOLDID(d.holdId());
            result.setHOLDKIND(d.holdKind() == null ? null : HoldKind.fromValue(d.holdKind().name()));
            result.setHOLDREASON(d.holdReason());
            result.setKINDCORRECTED(d.kindCorrected() ? Boolean.TRUE : null);
            return result;
        });
    }

    @Override
    public PlaceHoldResult placeHold(PlaceHoldRequest r) throws JixiaoFaultMessage {
        return requestIds.once("PlaceHold", r, PlaceHoldResult.class, FAULTS, () -> {
            Violations v = new Violations();
            HoldTarget target = v.check(() -> HoldTarget.from(r.getTARGETTYPE() == null ? null
                    : r.getTARGETTYPE().value(), r.getMOFDIVCODE(), r.getPROCODE(), r.getBGTID()));
            io.jixiao.api.service.HoldKind kind = v.oneOf("HOLD_KIND",
                    r.getHOLDKIND() == null ? null : r.getHOLDKIND().value(), io.jixiao.api.service.HoldKind.class);
            Reason reason = v.check(() -> Reason.of(r.getREASON()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            PlaceHoldResult result = new PlaceHoldResult();
            result.setHOLD(hold(holds.place(target, kind, reason, actor)));
            return result;
        });
    }

    @Override
    public ReleaseHoldResult releaseHold(ReleaseHoldRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ReleaseHold", r, ReleaseHoldResult.class, FAULTS, () -> {
            Violations v = new Violations();
            Reason reason = v.check(() -> Reason.of(r.getREASON()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            ReleaseHoldResult result = new ReleaseHoldResult();
            result.setHOLD(hold(holds.release(r.getHOLDID(), reason, actor)));
            return result;
        });
    }

    @Override
    public GetHoldResult getHold(GetHoldRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            GetHoldResult result = new GetHoldResult();
            result.setHOLD(hold(holds.find(r.getHOLDID(), caller().reader())
                    .orElseThrow(() -> new NotFoundException("no hold " + r.getHOLDID()))));
            return result;
        });
    }

    private Hold hold(io.jixiao.api.service.Hold h) {
        Hold out = new Hold();
        out.setHOLDID(h.holdId());
        out.setMOFDIVCODE(h.target().mofDivCode().value());
        out.setTARGETTYPE(TargetType.fromValue(h.target().type().name()));
        out.setPROCODE(h.target().proCode() == null ? null : h.target().proCode().value());
        out.setBGTID(h.target().bgtId() == null ? null : h.target().bgtId().value());
        out.setHOLDKIND(HoldKind.fromValue(h.kind().name()));
        out.setREASON(h.reason().text());
        out.setSTATUS(HoldStatus.fromValue(h.status().name()));
        out.setPLACEDBY(h.placedBy().callerSystem() + "/" + h.placedBy().operator());
        out.setPLACEDAT(times.of(h.placedAt()));
        if (h.release() != null) {
            out.setRELEASEDBY(h.release().releasedBy().callerSystem() + "/" + h.release().releasedBy().operator());
            out.setRELEASEDAT(times.of(h.release().releasedAt()));
            out.setRELEASEREASON(h.release().reason().text());
        }
        return out;
    }

    /** This contract's fault: the one JixiaoFault of common.xsd. */
    static final FaultContract<JixiaoFaultMessage> FAULTS = new FaultContract<>(JixiaoFaultMessage::new, JixiaoFaultMessage::getFaultInfo);
}
