package io.jixiao.soap.internal;

import static io.jixiao.soap.internal.UsernameTokenInterceptor.caller;

import io.jixiao.api.library.EntryStatus;
import io.jixiao.api.library.FileFormat;
import io.jixiao.api.library.ImportJob;
import io.jixiao.api.library.IndicatorKind;
import io.jixiao.api.library.IndicatorLibraryService;
import io.jixiao.api.library.LibraryEntry;
import io.jixiao.api.library.LibraryIndicator;
import io.jixiao.api.library.LibraryPage;
import io.jixiao.api.library.LibraryQuery;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.Violations;
import io.jixiao.soap.internal.library.DeleteLibraryIndicatorRequest;
import io.jixiao.soap.internal.library.DeleteLibraryIndicatorResult;
import io.jixiao.soap.internal.library.ExportLibraryRequest;
import io.jixiao.soap.internal.library.ExportLibraryResult;
import io.jixiao.soap.internal.library.GetLibraryImportRequest;
import io.jixiao.soap.internal.library.GetLibraryImportResult;
import io.jixiao.soap.internal.library.GetLibraryIndicatorRequest;
import io.jixiao.soap.internal.library.GetLibraryIndicatorResult;
import io.jixiao.soap.internal.library.Import;
import io.jixiao.soap.internal.library.ImportLibraryRequest;
import io.jixiao.soap.internal.library.ImportLibraryResult;
import io.jixiao.soap.internal.library.Indicator;
import io.jixiao.soap.internal.library.JixiaoFaultMessage;
import io.jixiao.soap.internal.library.Kind;
import io.jixiao.soap.internal.library.Level1;
import io.jixiao.soap.internal.library.Level2;
import io.jixiao.soap.internal.library.LibraryPortType;
import io.jixiao.soap.internal.library.ListLibraryImportProblemsRequest;
import io.jixiao.soap.internal.library.ListLibraryImportProblemsResult;
import io.jixiao.soap.internal.library.Problem;
import io.jixiao.soap.internal.library.RetireLibraryIndicatorRequest;
import io.jixiao.soap.internal.library.RetireLibraryIndicatorResult;
import io.jixiao.soap.internal.library.SaveLibraryIndicatorRequest;
import io.jixiao.soap.internal.library.SaveLibraryIndicatorResult;
import io.jixiao.soap.internal.library.SearchLibraryRequest;
import io.jixiao.soap.internal.library.SearchLibraryResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.jws.WebService;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** The indicator library over SOAP: the REST operations' twins; files travel in base64. */
@WebService(endpointInterface = "io.jixiao.soap.internal.library.LibraryPortType",
        targetNamespace = LibraryEndpoint.NAMESPACE, serviceName = "LibraryService", portName = "LibraryPort",
        wsdlLocation = LibraryEndpoint.WSDL)
public final class LibraryEndpoint implements LibraryPortType {
    static final String WSDL = "wsdl/library.wsdl";
    static final String NAMESPACE = "http://jixiao.io/ws/library/v1";
    /** The largest file ImportLibrary takes; larger ones go through REST. */
    static final int MAX_FILE_BYTES = 8 << 20;
    /** Big enough for that file in base64 with its envelope. */
    static final int MAX_DOCUMENT_CHARACTERS = 12_000_000;

    private final IndicatorLibraryService library;
    private final io.jixiao.api.library.GoalFormService forms;
    private final RequestIds requestIds;
    private final XmlTimes times = new XmlTimes();
    private final DatatypeFactory datatypes;

    LibraryEndpoint(IndicatorLibraryService library, io.jixiao.api.library.GoalFormService forms,
            RequestIds requestIds) {
        this.library = library;
        this.forms = forms;
        this.requestIds = requestIds;
        try {
            this.datatypes = DatatypeFactory.newInstance();
        } catch (javax.xml.datatype.DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SearchLibraryResult searchLibrary(SearchLibraryRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            LibraryQuery query = query(r.getMOFDIVCODE(), r.getKIND(), r.getKPILV1(), r.getKPILV2(),
                    r.getAGENCYCODE(), r.getFUNCCLASS(), r.getKEYWORD(), r.getSTATUS(), r.getAFTER(),
                    r.getLIMIT() == null ? 100 : r.getLIMIT(), v);
            v.throwIfAny();
            LibraryPage page = library.search(query, caller().reader());
            SearchLibraryResult out = new SearchLibraryResult();
            out.setTOTAL(page.total());
            page.entries().forEach(e -> out.getINDICATOR().add(indicator(e)));
            out.setNEXTAFTER(page.nextAfter());
            return out;
        });
    }

    @Override
    public GetLibraryIndicatorResult getLibraryIndicator(GetLibraryIndicatorRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            MofDivCode region = MofDivCode.of(r.getMOFDIVCODE());
            GetLibraryIndicatorResult out = new GetLibraryIndicatorResult();
            out.setINDICATOR(indicator(library.find(region, r.getINDCODE(), caller().reader()).orElseThrow(
                    () -> new NotFoundException("no indicator " + r.getINDCODE() + " in the library of " + region))));
            return out;
        });
    }

    @Override
    public SaveLibraryIndicatorResult saveLibraryIndicator(SaveLibraryIndicatorRequest r) throws JixiaoFaultMessage {
        return requestIds.once("SaveLibraryIndicator", r, SaveLibraryIndicatorResult.class, FAULTS, () -> {
            Violations v = new Violations();
            LibraryIndicator indicator = indicator(r.getINDICATOR(), v);
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            SaveLibraryIndicatorResult out = new SaveLibraryIndicatorResult();
            out.setINDICATOR(indicator(library.save(indicator, actor)));
            return out;
        });
    }

    @Override
    public RetireLibraryIndicatorResult retireLibraryIndicator(RetireLibraryIndicatorRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("RetireLibraryIndicator", r, RetireLibraryIndicatorResult.class, FAULTS, () -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            RetireLibraryIndicatorResult out = new RetireLibraryIndicatorResult();
            out.setINDICATOR(indicator(library.retire(region, r.getINDCODE(), actor)));
            return out;
        });
    }

    @Override
    public DeleteLibraryIndicatorResult deleteLibraryIndicator(DeleteLibraryIndicatorRequest r)
            throws JixiaoFaultMessage {
        return requestIds.once("DeleteLibraryIndicator", r, DeleteLibraryIndicatorResult.class, FAULTS, () -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            v.throwIfAny();
            library.delete(region, r.getINDCODE(), actor);
            DeleteLibraryIndicatorResult out = new DeleteLibraryIndicatorResult();
            out.setDELETED(true);
            return out;
        });
    }

    @Override
    public ImportLibraryResult importLibrary(ImportLibraryRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ImportLibrary", r, ImportLibraryResult.class, FAULTS, () -> {
            Violations v = new Violations();
            MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
            Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
            byte[] file = r.getFILE();
            if (file == null || file.length == 0) {
                v.add("FILE", "required", "the file, base64");
            } else if (file.length > MAX_FILE_BYTES) {
                v.add("FILE", "max", "at most " + MAX_FILE_BYTES + " bytes over SOAP; upload larger files through "
                        + "REST POST /library/imports");
            }
            v.throwIfAny();
            ImportLibraryResult out = new ImportLibraryResult();
            out.setIMPORT(job(library.startImport(region, r.getFILENAME(), spool(file), charset(r.getCHARSET()),
                    actor)));
            return out;
        });
    }

    /** A CSV file's encoding as the contract names it (UTF-8 when not given). */
    private static java.nio.charset.Charset charset(io.jixiao.soap.internal.common.Charset named) {
        return charset(named == null ? null : named.value());
    }

    /**
     * @param named a contract's {@code Charset} value, {@code UTF-8} or {@code GB18030}, or {@code null}
     * @return the encoding of an uploaded CSV file (UTF-8 when not given), for every service that takes files
     */
    static java.nio.charset.Charset charset(String named) {
        return named == null || named.equals("UTF-8") ? StandardCharsets.UTF_8
                : java.nio.charset.Charset.forName("GB18030");
    }

    /** Writes an uploaded file to a temporary file, which the import deletes. */
    static Path spool(byte[] file) {
        try {
            Path upload = Files.createTempFile("jixiao-import-", ".upload");
            Files.write(upload, file);
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public GetLibraryImportResult getLibraryImport(GetLibraryImportRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            GetLibraryImportResult out = new GetLibraryImportResult();
            out.setIMPORT(job(library.importJob(r.getJOBID(), caller().reader())
                    .orElseThrow(() -> new NotFoundException("no import " + r.getJOBID()))));
            return out;
        });
    }

    @Override
    public ListLibraryImportProblemsResult listLibraryImportProblems(ListLibraryImportProblemsRequest r)
            throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            ListLibraryImportProblemsResult out = new ListLibraryImportProblemsResult();
            out.setJOBID(r.getJOBID());
            library.problems(r.getJOBID(), r.getAFTERROW() == null ? -1 : r.getAFTERROW(),
                    r.getLIMIT() == null ? 100 : r.getLIMIT(), caller().reader()).forEach(p -> {
                        Problem problem = new Problem();
                        problem.setROW(p.row());
                        problem.setCOLUMN(p.column());
                        problem.setREASON(p.reason());
                        out.getPROBLEM().add(problem);
                    });
            return out;
        });
    }

    @Override
    public ExportLibraryResult exportLibrary(ExportLibraryRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            Violations v = new Violations();
            LibraryQuery query = query(r.getMOFDIVCODE(), r.getKIND(), r.getKPILV1(), r.getKPILV2(),
                    r.getAGENCYCODE(), r.getFUNCCLASS(), r.getKEYWORD(), r.getSTATUS(), null, 1, v);
            v.throwIfAny();
            FileFormat format = r.getFORMAT() == null ? FileFormat.XLSX : FileFormat.valueOf(r.getFORMAT().value());
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            library.export(query, format, file, caller().reader());
            ExportLibraryResult out = new ExportLibraryResult();
            out.setFORMAT(io.jixiao.soap.internal.library.FileFormat.fromValue(format.name()));
            out.setFILENAME("indicator-library-" + query.mofDivCode().value()
                    + (format == FileFormat.XLSX ? ".xlsx" : ".csv"));
            out.setFILE(file.toByteArray());
            return out;
        });
    }

    @Override
    public io.jixiao.soap.internal.library.ImportGoalFormResult importGoalForm(
            io.jixiao.soap.internal.library.ImportGoalFormRequest r) throws JixiaoFaultMessage {
        return requestIds.once("ImportGoalForm", r, io.jixiao.soap.internal.library.ImportGoalFormResult.class, FAULTS,
                () -> {
                    Violations v = new Violations();
                    MofDivCode region = v.check(() -> MofDivCode.of(r.getMOFDIVCODE()));
                    Actor actor = v.check(() -> caller().actor(r.getOPERATOR()));
                    if (r.getFILE() == null || r.getFILE().length == 0) {
                        v.add("FILE", "required", "the form, base64");
                    }
                    v.throwIfAny();
                    io.jixiao.api.goal.GoalVersion drafted = forms.importForm(spool(r.getFILE()),
                            charset(r.getCHARSET()), region, actor);
                    io.jixiao.soap.internal.library.ImportGoalFormResult out =
                            new io.jixiao.soap.internal.library.ImportGoalFormResult();
                    out.setGOALID(drafted.goalId());
                    out.setVERSION(drafted.version());
                    out.setSTATUS(drafted.status().name());
                    out.setPROCODE(drafted.project().proCode().value());
                    return out;
                });
    }

    @Override
    public io.jixiao.soap.internal.library.ExportGoalFormResult exportGoalForm(
            io.jixiao.soap.internal.library.ExportGoalFormRequest r) throws JixiaoFaultMessage {
        return FAULTS.run(() -> {
            FileFormat format = r.getFORMAT() == null ? FileFormat.XLSX : FileFormat.valueOf(r.getFORMAT().value());
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            forms.exportForm(r.getGOALID(), r.getVERSION(), format, file, caller().reader());
            io.jixiao.soap.internal.library.ExportGoalFormResult out =
                    new io.jixiao.soap.internal.library.ExportGoalFormResult();
            out.setFORMAT(io.jixiao.soap.internal.library.FileFormat.fromValue(format.name()));
            out.setFILENAME("goal-" + r.getGOALID() + "-v" + r.getVERSION()
                    + (format == FileFormat.XLSX ? ".xlsx" : ".csv"));
            out.setFILE(file.toByteArray());
            return out;
        });
    }

    private static LibraryQuery query(String region, Kind kind, Level1 level1, Level2 level2, String agency,
            String functional, String keyword, io.jixiao.soap.internal.library.EntryStatus status, String after,
            int limit, Violations v) {
        MofDivCode code = v.check(() -> MofDivCode.of(region));
        AgencyCode agencyCode = v.optional(agency, AgencyCode::of);
        if (v.count() > 0) {
            return null;
        }
        return v.check(() -> new LibraryQuery(code, kind == null ? null : IndicatorKind.valueOf(kind.value()),
                level1 == null ? null : io.jixiao.api.goal.Level1.valueOf(level1.value()),
                level2 == null ? null : io.jixiao.api.goal.Level2.valueOf(level2.value()), agencyCode, functional,
                keyword, status == null ? null : EntryStatus.valueOf(status.value()), after, limit));
    }

    private LibraryIndicator indicator(Indicator i, Violations v) {
        if (i == null) {
            v.add("INDICATOR", "required", "is required");
            return null;
        }
        return LibraryIndicator.from(v, i.getSTATUS() != null || i.getREVISION() != null
                || i.getCHANGEDBY() != null || i.getCHANGEDAT() != null, i.getMOFDIVCODE(), i.getINDCODE(),
                i.getKIND() == null ? null : i.getKIND().value(), i.getAGENCYCODE(),
                i.getKPILV1() == null ? null : i.getKPILV1().value(), i.getKPILV2() == null ? null
                        : i.getKPILV2().value(), i.getKPICONTENT(), i.getFUNCCLASS(), i.getCOMPUTESIGN(),
                i.getMETERUNIT(), i.getKPIVAL(), i.getKPIEVALSTD(), date("VALID_FROM", i.getVALIDFROM()),
                date("VALID_TO", i.getVALIDTO()));
    }

    private static LocalDate date(String field, XMLGregorianCalendar x) {
        if (x == null) {
            return null;
        }
        if (x.getYear() == DatatypeConstants.FIELD_UNDEFINED) {
            throw InvalidInputException.of(field, "date", "a date such as 2026-01-01");
        }
        return LocalDate.of(x.getYear(), x.getMonth(), x.getDay());
    }

    private Indicator indicator(LibraryEntry e) {
        LibraryIndicator i = e.indicator();
        Indicator out = new Indicator();
        out.setMOFDIVCODE(i.mofDivCode().value());
        out.setINDCODE(i.code());
        out.setKIND(Kind.fromValue(i.kind().name()));
        out.setAGENCYCODE(i.agencyCode() == null ? null : i.agencyCode().value());
        out.setKPILV1(Level1.fromValue(i.level1().name()));
        out.setKPILV2(Level2.fromValue(i.level2().name()));
        out.setKPICONTENT(i.name());
        out.setFUNCCLASS(i.functionalClass());
        out.setCOMPUTESIGN(i.sign().code());
        out.setMETERUNIT(i.unit());
        out.setKPIVAL(i.target());
        out.setKPIEVALSTD(i.scoring());
        out.setVALIDFROM(xmlDate(i.validFrom()));
        out.setVALIDTO(i.validTo() == null ? null : xmlDate(i.validTo()));
        out.setSTATUS(io.jixiao.soap.internal.library.EntryStatus.fromValue(e.status().name()));
        out.setREVISION(e.revision());
        out.setCHANGEDBY(e.changedBy().callerSystem() + "/" + e.changedBy().operator());
        out.setCHANGEDAT(times.of(e.changedAt()));
        return out;
    }

    private XMLGregorianCalendar xmlDate(LocalDate d) {
        return datatypes.newXMLGregorianCalendarDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    private Import job(ImportJob j) {
        Import out = new Import();
        out.setJOBID(j.jobId());
        out.setMOFDIVCODE(j.mofDivCode().value());
        out.setFILENAME(j.fileName());
        out.setFORMAT(j.format() == null ? null : io.jixiao.soap.internal.library.FileFormat.fromValue(j.format().name()));
        out.setSTATUS(j.status().name());
        out.setROWSREAD(j.rowsRead());
        out.setROWSWRITTEN(j.rowsWritten());
        out.setINSERTED(j.inserted());
        out.setUPDATED(j.updated());
        out.setUNCHANGED(j.unchanged());
        out.setREJECTED(j.rejected());
        out.setMESSAGE(j.message().isEmpty() ? null : j.message());
        out.setSTARTEDBY(j.startedBy().callerSystem() + "/" + j.startedBy().operator());
        out.setSTARTEDAT(times.of(j.startedAt()));
        out.setFINISHEDAT(j.finishedAt() == null ? null : times.of(j.finishedAt()));
        return out;
    }

    /** This contract's fault: the one JixiaoFault of common.xsd. */
    static final FaultContract<JixiaoFaultMessage> FAULTS = new FaultContract<>(JixiaoFaultMessage::new, JixiaoFaultMessage::getFaultInfo);
}
