package io.jixiao.soap.internal;

import static io.jixiao.soap.internal.UsernameTokenInterceptor.caller;

import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Violations;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertPage;
import io.jixiao.api.monitoring.Forecast;
import io.jixiao.api.monitoring.IndicatorProgress;
import io.jixiao.api.monitoring.MonitoringService;
import io.jixiao.api.monitoring.RoundRequest;
import io.jixiao.api.monitoring.UnitReport;
import io.jixiao.soap.internal.monitoring.Alert;
import io.jixiao.soap.internal.monitoring.CancelMonitoringRoundRequest;
import io.jixiao.soap.internal.monitoring.CancelMonitoringRoundResult;
import io.jixiao.soap.internal.monitoring.GetMonitoringAlertRequest;
import io.jixiao.soap.internal.monitoring.GetMonitoringAlertResult;
import io.jixiao.soap.internal.monitoring.GetMonitoringRoundRequest;
import io.jixiao.soap.internal.monitoring.GetMonitoringRoundResult;
import io.jixiao.soap.internal.monitoring.JixiaoFaultMessage;
import io.jixiao.soap.internal.monitoring.Level;
import io.jixiao.soap.internal.monitoring.ListMonitoringAlertsRequest;
import io.jixiao.soap.internal.monitoring.ListMonitoringAlertsResult;
import io.jixiao.soap.internal.monitoring.MonitoringPortType;
import io.jixiao.soap.internal.monitoring.RectifyMonitoringAlertRequest;
import io.jixiao.soap.internal.monitoring.RectifyMonitoringAlertResult;
import io.jixiao.soap.internal.monitoring.ReleaseMonitoringAlertRequest;
import io.jixiao.soap.internal.monitoring.ReleaseMonitoringAlertResult;
import io.jixiao.soap.internal.monitoring.ResumeMonitoringRoundRequest;
import io.jixiao.soap.internal.monitoring.ResumeMonitoringRoundResult;
import io.jixiao.soap.internal.monitoring.Round;
import io.jixiao.soap.internal.monitoring.StartMonitoringRoundRequest;
import io.jixiao.soap.internal.monitoring.StartMonitoringRoundResult;
import io.jixiao.soap.internal.monitoring.SubmitMonitoringReportRequest;
import io.jixiao.soap.internal.monitoring.SubmitMonitoringReportResult;
import java.time.LocalDate;
import java.util.List;
import javax.jws.WebService;

/** Dual monitoring over SOAP: the REST operations' twins (docs/monitoring.md). */
@WebService(endpointInterface = "io.jixiao.soap.internal.monitoring.MonitoringPortType",
        targetNamespace = MonitoringEndpoint.NAMESPACE, serviceName = "MonitoringService", portName = "MonitoringPort",
        wsdlLocation = MonitoringEndpoint.WSDL)
public final class MonitoringEndpoint implements MonitoringPortType {
    static final String WSDL = "wsdl/monitoring.wsdl";
    static final String NAMESPACE = "http://jixiao.io/ws/monitoring/v1";

    private final MonitoringService monitoring;
    private final RequestIds requestIds;
    private final XmlTimes times = new XmlTimes();

    MonitoringEndpoint(MonitoringService monitoring, RequestIds requestIds) {
        this.monitoring = monitoring;
        this.requestIds = requestIds;
    }

    @Override
    public StartMonitoringRoundResult startMonitoringRound(StartMonitoringRoundRequest r) throws JixiaoFaultMessage {
        return requestIds.once("StartMonitoringRound", r, StartMonitoringRoundResult.class, FAULTS, () -> {
            Violations v = new Violations();
            LocalDate cutOff = v.check(() -> XmlTimes.day("CUT_OFF", r.getCUTOFF()));
            LocalDate due = v.check(() -> XmlTimes.day("DUE", r.getDUE()));
            RoundRequest request = RoundRequest.from(v, r.getMOFDIVCODE(), r.getFISCALYEAR(), cutOff, due);
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            StartMonitoringRoundResult out = new StartMonitoringRoundResult();
            out.setROUND(round(monitoring.start(request, actor)));
            return out;
        });
    }

    @Override
    public GetMonitoringRoundResult getMonitoringRound(GetMonitoringRoundRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            GetMonitoringRoundResult out = new GetMonitoringRoundResult();
            out.setROUND(round(monitoring.round(r.getROUNDID(), caller().reader())
                    .orElseThrow(() -> new NotFoundException("no monitoring round " + r.getROUNDID()))));
            return out;
        });
    }

    @Override
    public CancelMonitoringRoundResult cancelMonitoringRound(CancelMonitoringRoundRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("CancelMonitoringRound", r, CancelMonitoringRoundResult.class, FAULTS, () -> {
            Actor actor = caller().actor(r.getOPERATOR());
            CancelMonitoringRoundResult out = new CancelMonitoringRoundResult();
            out.setROUND(round(monitoring.cancel(r.getROUNDID(), actor)));
            return out;
        });
    }

    @Override
    public ResumeMonitoringRoundResult resumeMonitoringRound(ResumeMonitoringRoundRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("ResumeMonitoringRound", r, ResumeMonitoringRoundResult.class, FAULTS, () -> {
            Actor actor = caller().actor(r.getOPERATOR());
            ResumeMonitoringRoundResult out = new ResumeMonitoringRoundResult();
            out.setROUND(round(monitoring.resume(r.getROUNDID(), actor)));
            return out;
        });
    }

    @Override
    public ListMonitoringAlertsResult listMonitoringAlerts(ListMonitoringAlertsRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            AlertLevel min = r.getMINLEVEL() == null ? AlertLevel.BLUE : AlertLevel.valueOf(r.getMINLEVEL().value());
            AlertPage page = monitoring.alerts(r.getROUNDID(), min, r.getAFTER() == null ? 0 : r.getAFTER(),
                    r.getLIMIT() == null ? 100 : r.getLIMIT(), caller().reader());
            ListMonitoringAlertsResult out = new ListMonitoringAlertsResult();
            out.setROUNDID(r.getROUNDID());
            page.alerts().forEach(a -> out.getALERT().add(alert(a)));
            out.setNEXT(page.next());
            return out;
        });
    }

    @Override
    public GetMonitoringAlertResult getMonitoringAlert(GetMonitoringAlertRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            GetMonitoringAlertResult out = new GetMonitoringAlertResult();
            out.setALERT(alert(monitoring.alert(r.getALERTID(), caller().reader())
                    .orElseThrow(() -> new NotFoundException("no alert " + r.getALERTID()))));
            return out;
        });
    }

    @Override
    public SubmitMonitoringReportResult submitMonitoringReport(SubmitMonitoringReportRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("SubmitMonitoringReport", r, SubmitMonitoringReportResult.class, FAULTS, () -> {
            Violations v = new Violations();
            LocalDate cutOff = v.check(() -> XmlTimes.day("CUT_OFF", r.getCUTOFF()));
            UnitReport report = UnitReport.from(v, r.getMOFDIVCODE(), r.getFISCALYEAR(), cutOff, r.getPROCODE(),
                    r.getINDICATOR(), (x, p) -> IndicatorProgress.from(x, p.getKPICONTENT(),
                            p.getKPIVALTODATE(), p.getFORECAST() == null ? null : p.getFORECAST().value(),
                            p.getDEVIATIONREASON(), p.getMEASURE()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            UnitReport stored = monitoring.report(report, actor);
            SubmitMonitoringReportResult out = new SubmitMonitoringReportResult();
            out.setPROCODE(stored.proCode().value());
            out.setWORST(io.jixiao.soap.internal.monitoring.Forecast.fromValue(stored.worst().name()));
            out.setLATE(stored.late());
            out.setSUBMITTEDBY(stored.submittedBy());
            out.setSUBMITTEDAT(times.of(stored.submittedAt()));
            return out;
        });
    }

    @Override
    public RectifyMonitoringAlertResult rectifyMonitoringAlert(RectifyMonitoringAlertRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("RectifyMonitoringAlert", r, RectifyMonitoringAlertResult.class, FAULTS, () -> {
            Violations v = new Violations();
            Reason account = v.check(() -> Reason.of(r.getREASON()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            RectifyMonitoringAlertResult out = new RectifyMonitoringAlertResult();
            out.setALERT(alert(monitoring.rectify(r.getALERTID(), account, actor)));
            return out;
        });
    }

    @Override
    public ReleaseMonitoringAlertResult releaseMonitoringAlert(ReleaseMonitoringAlertRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("ReleaseMonitoringAlert", r, ReleaseMonitoringAlertResult.class, FAULTS, () -> {
            Violations v = new Violations();
            Reason reason = v.check(() -> Reason.of(r.getREASON()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            ReleaseMonitoringAlertResult out = new ReleaseMonitoringAlertResult();
            out.setALERT(alert(monitoring.release(r.getALERTID(), reason, actor)));
            return out;
        });
    }

    /** The largest form taken over SOAP, as over REST. */
    static final int MAX_FORM_BYTES = 256 * 1024;

    @Override
    public io.jixiao.soap.internal.monitoring.ImportMonitoringReportsResult importMonitoringReports(
            io.jixiao.soap.internal.monitoring.ImportMonitoringReportsRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ImportMonitoringReports", r,
                io.jixiao.soap.internal.monitoring.ImportMonitoringReportsResult.class, FAULTS, () -> {
                    Violations v = new Violations();
                    MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
                    FiscalYear year = v.check(() -> FiscalYear.of(r.getFISCALYEAR()));
                    LocalDate cutOff = v.check(() -> required("CUT_OFF", XmlTimes.day("CUT_OFF", r.getCUTOFF())));
                    Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
                    byte[] file = r.getFILE();
                    if (file == null || file.length == 0) {
                        v.add("FILE", "required", "the monitoring form, base64");
                    } else if (file.length > MAX_FORM_BYTES) {
                        v.add("FILE", "max", "at most " + MAX_FORM_BYTES + " bytes");
                    }
                    v.throwIfAny();
                    java.nio.charset.Charset charset = LibraryEndpoint.charset(r.getCHARSET() == null ? null
                            : r.getCHARSET().value());
                    List<UnitReport> stored = monitoring.importReports(region, year, cutOff,
                            LibraryEndpoint.spool(file), charset, actor);
                    io.jixiao.soap.internal.monitoring.ImportMonitoringReportsResult out =
                            new io.jixiao.soap.internal.monitoring.ImportMonitoringReportsResult();
                    out.setCOUNT(stored.size());
                    for (UnitReport u : stored) {
                        io.jixiao.soap.internal.monitoring.StoredReport s = new io.jixiao.soap.internal.monitoring
                                .StoredReport();
                        s.setPROCODE(u.proCode().value());
                        s.setWORST(io.jixiao.soap.internal.monitoring.Forecast.fromValue(u.worst().name()));
                        s.setLATE(u.late());
                        s.setSUBMITTEDBY(u.submittedBy());
                        s.setSUBMITTEDAT(times.of(u.submittedAt()));
                        out.getREPORT().add(s);
                    }
                    return out;
                });
    }

    private Round round(io.jixiao.api.monitoring.Round r) {
        Round out = new Round();
        out.setROUNDID(r.id());
        out.setMOFDIVCODE(r.mofDivCode().value());
        out.setFISCALYEAR(r.fiscalYear().value());
        out.setCUTOFF(times.date(r.cutOff()));
        out.setDUE(times.date(r.due()));
        out.setSCHEDULED(r.scheduled());
        out.setSTATUS(r.status().name());
        out.setPERCENT(r.percent());
        out.setTOTAL(r.total() < 0 ? null : r.total());
        out.setPROCESSED(r.processed());
        out.setPROJECTS(r.projects());
        out.setGREEN(r.counts().get(AlertLevel.GREEN));
        out.setBLUE(r.counts().get(AlertLevel.BLUE));
        out.setYELLOW(r.counts().get(AlertLevel.YELLOW));
        out.setRED(r.counts().get(AlertLevel.RED));
        out.setHOLDS(r.holds());
        out.setMODE(r.mode().name());
        out.setRULEVERSION(r.ruleVersion());
        out.setERROR(r.error());
        out.setSTARTEDBY(r.startedBy());
        out.setSTARTEDAT(times.of(r.startedAt()));
        out.setFINISHEDAT(r.finishedAt() == null ? null : times.of(r.finishedAt()));
        return out;
    }

    private Alert alert(io.jixiao.api.monitoring.Alert a) {
        Alert out = new Alert();
        out.setALERTID(a.id());
        out.setROUNDID(a.roundId());
        out.setMOFDIVCODE(a.mofDivCode().value());
        out.setFISCALYEAR(a.fiscalYear().value());
        out.setSUBJECT(a.department() ? "DEPARTMENT" : "PROJECT");
        out.setPROCODE(a.proCode() == null ? null : a.proCode().value());
        out.setAGENCYCODE(a.agencyCode() == null ? null : a.agencyCode().value());
        out.setDEPTCODE(a.deptCode());
        out.setBUDGETAMT(a.budgeted());
        out.setPAIDAMT(a.paid());
        out.setEXECUTIONRATE(a.executionRate());
        out.setTIMEPROGRESS(a.timeProgress());
        out.setLEVEL(Level.fromValue(a.level().name()));
        a.findings().forEach(f -> out.getFINDING().add(f.name()));
        a.consequences().forEach(c -> out.getCONSEQUENCE().add(c.name()));
        out.setENFORCED(a.enforced());
        out.setHOLDID(a.holdId());
        out.setSTATUS(a.status().name());
        out.setRECTIFICATION(a.rectification());
        out.setCREATEDAT(times.of(a.createdAt()));
        return out;
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw InvalidInputException.of(field, "required", "is required");
        }
        return value;
    }

    /** This contract's fault: the one JixiaoFault of common.xsd. */
    static final FaultContract<JixiaoFaultMessage> FAULTS = new FaultContract<>(JixiaoFaultMessage::new, JixiaoFaultMessage::getFaultInfo);
}
