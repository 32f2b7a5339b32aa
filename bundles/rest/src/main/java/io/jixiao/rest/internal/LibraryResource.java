package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.goal.Level1;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.library.EntryStatus;
import io.jixiao.api.library.FileFormat;
import io.jixiao.api.library.ImportJob;
import io.jixiao.api.library.ImportProblem;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The indicator library over REST: entries, search, spreadsheet imports with their progress, and exports. */
@javax.ws.rs.Path("library")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class LibraryResource implements RestResource {
    private static final Set<String> SEARCH = Set.of(MofDivCode.FIELD, "KIND", "KPI_LV1", "KPI_LV2", AgencyCode.FIELD,
            "FUNC_CLASS", "KEYWORD", "STATUS", "AFTER", "LIMIT");
    private static final Set<String> EXPORT = Set.of(MofDivCode.FIELD, "KIND", "KPI_LV1", "KPI_LV2", AgencyCode.FIELD,
            "FUNC_CLASS", "KEYWORD", "STATUS", "FORMAT");

    private final IndicatorLibraryService library;

    @Activate
    public LibraryResource(@Reference IndicatorLibraryService library) {
        this.library = library;
    }

    /** An entry as declared (POST /library/indicators) and as answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class EntryJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("IND_CODE") public String code;
        @JsonProperty("KIND") public String kind;
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("KPI_LV1") public String level1;
        @JsonProperty("KPI_LV2") public String level2;
        @JsonProperty("KPI_CONTENT") public String name;
        @JsonProperty("FUNC_CLASS") public String functionalClass;
        @JsonProperty("COMPUTESIGN") public Integer sign;
        @JsonProperty("METERUNIT") public String unit;
        @JsonProperty("KPI_VAL") public String target;
        @JsonProperty("KPI_EVALSTD") public String scoring;
        @JsonProperty("VALID_FROM") public String validFrom;
        @JsonProperty("VALID_TO") public String validTo;
        @JsonProperty("OPERATOR") public String operator;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("REVISION") public Integer revision;
        @JsonProperty("CHANGED_BY") public String changedBy;
        @JsonProperty("CHANGED_AT") public String changedAt;

        LibraryIndicator indicator(Violations v) {
            LocalDate from = RequestBodies.date(v, "VALID_FROM", validFrom, false);
            LocalDate to = RequestBodies.date(v, "VALID_TO", validTo, false);
            return LibraryIndicator.from(v, status != null || revision != null || changedBy != null
                    || changedAt != null, mofDivCode, code, kind, agencyCode, level1, level2, name, functionalClass,
                    sign, unit, target, scoring, from, to);
        }

        static EntryJson of(LibraryEntry e) {
            LibraryIndicator i = e.indicator();
            EntryJson j = new EntryJson();
            j.mofDivCode = i.mofDivCode().value();
            j.code = i.code();
            j.kind = i.kind().name();
            j.agencyCode = i.agencyCode() == null ? null : i.agencyCode().value();
            j.level1 = i.level1().name();
            j.level2 = i.level2().name();
            j.name = i.name();
            j.functionalClass = i.functionalClass();
            j.sign = i.sign().code();
            j.unit = i.unit();
            j.target = i.target();
            j.scoring = i.scoring();
            j.validFrom = i.validFrom().toString();
            j.validTo = i.validTo() == null ? null : i.validTo().toString();
            j.status = e.status().name();
            j.revision = e.revision();
            j.changedBy = e.changedBy().callerSystem() + "/" + e.changedBy().operator();
            j.changedAt = e.changedAt().toString();
            return j;
        }
    }


    /** GET /library/indicators. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class PageJson {
        @JsonProperty("TOTAL") public long total;
        @JsonProperty("INDICATORS") public List<EntryJson> indicators;
        @JsonProperty("NEXT_AFTER") public String nextAfter;
    }

    /** The body of a retirement or deletion. */
    static final class StepJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("OPERATOR") public String operator;
    }

    @GET
    @javax.ws.rs.Path("indicators")
    public PageJson search(@Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, SEARCH);
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        LibraryQuery query = query(p, v);
        v.throwIfAny();
        LibraryPage page = library.search(query, AuthenticationFilter.Caller.of(caller).reader());
        PageJson out = new PageJson();
        out.total = page.total();
        out.indicators = page.entries().stream().map(EntryJson::of).toList();
        out.nextAfter = page.nextAfter();
        return out;
    }

    private static LibraryQuery query(MultivaluedMap<String, String> p, Violations v) {
        p.forEach((name, values) -> {
            if (values.get(0).isEmpty()) {
                v.add(name, "empty", "must not be empty; leave the parameter out instead");
            }
        });
        MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst(MofDivCode.FIELD)));
        IndicatorKind kind = v.optional(p.getFirst("KIND"), raw -> oneOf("KIND", raw, IndicatorKind.class));
        Level1 level1 = v.optional(p.getFirst("KPI_LV1"), raw -> oneOf("KPI_LV1", raw, Level1.class));
        Level2 level2 = v.optional(p.getFirst("KPI_LV2"), raw -> oneOf("KPI_LV2", raw, Level2.class));
        AgencyCode agency = v.optional(p.getFirst(AgencyCode.FIELD), AgencyCode::of);
        EntryStatus status = v.optional(p.getFirst("STATUS"), raw -> oneOf("STATUS", raw, EntryStatus.class));
        Long limit = v.optional(p.getFirst("LIMIT"), raw -> RequestBodies.id("LIMIT", raw));
        if (v.count() > 0) {
            return null;
        }
        return v.check(() -> new LibraryQuery(region, kind, level1, level2, agency, p.getFirst("FUNC_CLASS"),
                p.getFirst("KEYWORD"), status, p.getFirst("AFTER"),
                limit == null ? 100 : (int) Math.min(limit, Integer.MAX_VALUE)));
    }

    private static <E extends Enum<E>> E oneOf(String field, String raw, Class<E> type) {
        Violations v = new Violations();
        E value = v.oneOf(field, raw, type);
        v.throwIfAny();
        return value;
    }

    @GET
    @javax.ws.rs.Path("indicators/{code}")
    public EntryJson find(@PathParam("code") String code, @Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, Set.of(MofDivCode.FIELD));
        MofDivCode region = MofDivCode.of(uri.getQueryParameters().getFirst(MofDivCode.FIELD));
        return library.find(region, code, AuthenticationFilter.Caller.of(caller).reader()).map(EntryJson::of)
                .orElseThrow(() -> new NotFoundException("no indicator " + code + " in the library of " + region));
    }

    @POST
    @javax.ws.rs.Path("indicators")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public Response save(EntryJson body, @Context UriInfo uri, @Context SecurityContext caller) {
        EntryJson r = RequestBodies.required(body);
        Violations v = new Violations();
        LibraryIndicator indicator = r.indicator(v);
        Actor actor = GoalResource.actor(caller, r.operator, v);
        v.throwIfAny();
        LibraryEntry saved = library.save(indicator, actor);
        EntryJson out = EntryJson.of(saved);
        return saved.revision() == 1
                ? Response.created(uri.getBaseUriBuilder().path("library/indicators/{code}")
                        .queryParam(MofDivCode.FIELD, out.mofDivCode).build(out.code)).entity(out).build()
                : Response.ok(out).build();
    }

    @POST
    @javax.ws.rs.Path("indicators/{code}/retirement")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public EntryJson retire(@PathParam("code") String code, StepJson body, @Context SecurityContext caller) {
        StepJson r = RequestBodies.required(body);
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
        Actor actor = GoalResource.actor(caller, r.operator, v);
        v.throwIfAny();
        return EntryJson.of(library.retire(region, code, actor));
    }

    @POST
    @javax.ws.rs.Path("indicators/{code}/deletion")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("code") String code, StepJson body, @Context SecurityContext caller) {
        StepJson r = RequestBodies.required(body);
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
        Actor actor = GoalResource.actor(caller, r.operator, v);
        v.throwIfAny();
        library.delete(region, code, actor);
        return Response.noContent().build();
    }

    /** An import as answered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class ImportJson {
        @JsonProperty("JOB_ID") public long jobId;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FILE_NAME") public String fileName;
        @JsonProperty("FORMAT") public String format;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("ROWS_READ") public long rowsRead;
        @JsonProperty("ROWS_WRITTEN") public long rowsWritten;
        @JsonProperty("INSERTED") public long inserted;
        @JsonProperty("UPDATED") public long updated;
        @JsonProperty("UNCHANGED") public long unchanged;
        @JsonProperty("REJECTED") public long rejected;
        @JsonProperty("MESSAGE") public String message;
        @JsonProperty("STARTED_BY") public String startedBy;
        @JsonProperty("STARTED_AT") public String startedAt;
        @JsonProperty("FINISHED_AT") public String finishedAt;

        static ImportJson of(ImportJob j) {
            ImportJson out = new ImportJson();
            out.jobId = j.jobId();
            out.mofDivCode = j.mofDivCode().value();
            out.fileName = j.fileName();
            out.format = j.format() == null ? null : j.format().name();
            out.status = j.status().name();
            out.rowsRead = j.rowsRead();
            out.rowsWritten = j.rowsWritten();
            out.inserted = j.inserted();
            out.updated = j.updated();
            out.unchanged = j.unchanged();
            out.rejected = j.rejected();
            out.message = j.message().isEmpty() ? null : j.message();
            out.startedBy = j.startedBy().callerSystem() + "/" + j.startedBy().operator();
            out.startedAt = j.startedAt().toString();
            out.finishedAt = j.finishedAt() == null ? null : j.finishedAt().toString();
            return out;
        }
    }

    /**
     * POST /library/imports: the file is the body (any media type); region, file name and CSV encoding in the query.
     */
    @POST
    @javax.ws.rs.Path("imports")
    @Consumes(MediaType.WILDCARD)
    public Response startImport(InputStream body, @Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, Set.of(MofDivCode.FIELD, "FILE_NAME", "CHARSET", "OPERATOR"));
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst(MofDivCode.FIELD)));
        String fileName = p.getFirst("FILE_NAME") == null ? "upload" : p.getFirst("FILE_NAME");
        Charset charset = v.optional(p.getFirst("CHARSET"), RequestBodies::charset);
        Actor actor = GoalResource.actor(caller, p.getFirst("OPERATOR"), v);
        v.throwIfAny();
        Path file = receive(body);
        ImportJob job = library.startImport(region, fileName, file, charset == null ? StandardCharsets.UTF_8 : charset,
                actor);
        return Response.accepted(ImportJson.of(job)).location(uri.getBaseUriBuilder().path("library/imports/{id}")
                .build(job.jobId())).build();
    }

    /** Spools the body to a temporary file, refusing an empty one. */
    private static Path receive(InputStream body) {
        Path file = RequestBodies.spool(body);
        try {
            if (Files.size(file) == 0) {
                Files.delete(file);
                throw InvalidInputException.of("FILE", "required", "the request body is the file; it is empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @GET
    @javax.ws.rs.Path("imports/{jobId}")
    public ImportJson job(@PathParam("jobId") String jobId, @Context SecurityContext caller) {
        long id = RequestBodies.id("JOB_ID", jobId);
        return library.importJob(id, AuthenticationFilter.Caller.of(caller).reader()).map(ImportJson::of)
                .orElseThrow(() -> new NotFoundException("no import " + id));
    }

    /** GET /library/imports/{id}/problems. */
    static final class ProblemsJson {
        @JsonProperty("JOB_ID") public long jobId;
        @JsonProperty("PROBLEMS") public List<ProblemJson> problems;
        /** The next page's {@code AFTER} (the last row answered), when the page was full. */
        @JsonProperty("NEXT_AFTER") public Integer nextAfter;
    }

    /** A row the import did not take. */
    static final class ProblemJson {
        @JsonProperty("ROW") public int row;
        @JsonProperty("COLUMN") public String column;
        @JsonProperty("REASON") public String reason;

        static ProblemJson of(ImportProblem p) {
            ProblemJson j = new ProblemJson();
            j.row = p.row();
            j.column = p.column();
            j.reason = p.reason();
            return j;
        }
    }

    @GET
    @javax.ws.rs.Path("imports/{jobId}/problems")
    public ProblemsJson problems(@PathParam("jobId") String jobId, @Context UriInfo uri,
            @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, Set.of("AFTER", "AFTER_ROW", "LIMIT")); // AFTER_ROW: deprecated name
        long id = RequestBodies.id("JOB_ID", jobId);
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        String afterName = RequestBodies.pagingName(v, p, "AFTER_ROW");
        Integer after = v.optional(p.getFirst(afterName), raw -> integer(afterName, raw));
        Integer limit = v.optional(p.getFirst("LIMIT"), raw -> integer("LIMIT", raw));
        v.throwIfAny();
        ProblemsJson out = new ProblemsJson();
        out.jobId = id;
        int size = limit == null ? 100 : limit;
        out.problems = library.problems(id, after == null ? -1 : after, size,
                AuthenticationFilter.Caller.of(caller).reader()).stream().map(ProblemJson::of).toList();
        out.nextAfter = out.problems.size() == size && !out.problems.isEmpty()
                ? out.problems.get(out.problems.size() - 1).row : null;
        return out;
    }

    private static int integer(String field, String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "integer", "a whole number, got '" + raw + "'");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file; the system cleans it up
        }
    }

    /** GET /library/exports: the matching entries as a spreadsheet in the import layout. */
    @GET
    @javax.ws.rs.Path("exports")
    @Produces({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv", MediaType.APPLICATION_JSON})
    public Response export(@Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, EXPORT);
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        FileFormat format = p.getFirst("FORMAT") == null ? FileFormat.XLSX
                : v.optional(p.getFirst("FORMAT"), raw -> oneOf("FORMAT", raw, FileFormat.class));
        LibraryQuery query = query(p, v);
        v.throwIfAny();
        Actor reader = AuthenticationFilter.Caller.of(caller).reader();
        // written to a temporary file first, so that a refusal (an outsider) answers before the first byte is sent
        Path spooled;
        try {
            spooled = Files.createTempFile("jixiao-export-", format == FileFormat.XLSX ? ".xlsx" : ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (java.io.OutputStream out = Files.newOutputStream(spooled)) {
            library.export(query, format, out, reader);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(spooled);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException((IOException) e);
        }
        StreamingOutput file = out -> {
            try {
                Files.copy(spooled, out);
            } finally {
                deleteQuietly(spooled);
            }
        };
        String name = "indicator-library-" + query.mofDivCode().value() + (format == FileFormat.XLSX ? ".xlsx" : ".csv");
        return Response.ok(file, format == FileFormat.XLSX
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
