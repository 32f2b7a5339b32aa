package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violations;
import io.jixiao.api.service.AuditChainHead;
import io.jixiao.api.service.AuditPage;
import io.jixiao.api.service.AuditQuery;
import io.jixiao.api.service.AuditRecord;
import io.jixiao.api.service.AuditService;
import io.jixiao.api.service.AuditVerification;
import io.jixiao.api.service.AuditCsv;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
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

/**
 * The audit trail over REST: verification of a region's hash chain, the chain's head (to anchor outside
 * Jixiao), auditor queries and the finance–audit CSV export.
 */
@Path("audit")
@Component(service = RestResource.class)
public final class AuditResource implements RestResource {
    private final AuditService audit;

    @Activate
    public AuditResource(@Reference AuditService audit) {
        this.audit = audit;
    }

    /** POST /audit/verifications. */
    static final class VerificationRequest {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("OPERATOR") public String operator;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class VerificationResponse {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("ROWS_CHECKED") public long rowsChecked;
        @JsonProperty("INTACT") public boolean intact;
        @JsonProperty("FIRST_BAD_SEQUENCE") public Long firstBadSequence;
        @JsonProperty("FIRST_BAD_AUDIT_ID") public Long firstBadAuditId;
        @JsonProperty("PROBLEM") public String problem;
        @JsonProperty("ACKNOWLEDGED_BREAKS") public int acknowledgedBreaks;

        static VerificationResponse of(AuditVerification v) {
            VerificationResponse r = new VerificationResponse();
            r.mofDivCode = v.mofDivCode().value();
            r.rowsChecked = v.rowsChecked();
            r.intact = v.intact();
            r.acknowledgedBreaks = v.acknowledgedBreaks();
            r.firstBadSequence = v.firstBadSequence();
            r.firstBadAuditId = v.firstBadAuditId();
            r.problem = v.problem();
            return r;
        }
    }

    @POST
    @Path("verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public VerificationResponse verify(VerificationRequest body, @Context SecurityContext caller) {
        VerificationRequest r = RequestBodies.required(body);
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return VerificationResponse.of(audit.verify(region, actor));
    }

    /** POST /audit/chain-breaks. */
    static final class ChainBreakRequest {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    @POST
    @Idempotent
    @Path("chain-breaks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public VerificationResponse acknowledgeBreak(ChainBreakRequest body, @Context SecurityContext caller) {
        ChainBreakRequest r = RequestBodies.required(body);
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
        io.jixiao.api.model.Reason reason = v.check(() -> io.jixiao.api.model.Reason.of(r.reason));
        Actor actor = v.check(() -> AuthenticationFilter.Caller.of(caller).actor(r.operator));
        v.throwIfAny();
        return VerificationResponse.of(audit.acknowledgeBreak(region, reason, actor));
    }

    /** GET /audit/entries: one page of the trail, its entries with their chain positions and hashes. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class EntryPage {
        @JsonProperty("ENTRIES") public List<Entry> entries;
        @JsonProperty("NEXT_AFTER") public Long nextAfter;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class Entry {
        @JsonProperty("AUDIT_ID") public long auditId;
        @JsonProperty("OCCURRED_AT") public String occurredAt;
        @JsonProperty("ACTION") public String action;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("SUBJECT_TYPE") public String subjectType;
        @JsonProperty("SUBJECT_ID") public String subjectId;
        @JsonProperty("CALLER") public String caller;
        @JsonProperty("OPERATOR") public String operator;
        @JsonProperty("ROLES") public String roles;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("DETAIL") public String detail;
        @JsonProperty("CHAIN_SEQ") public long chainSeq;
        @JsonProperty("PREV_HASH") public String prevHash;
        @JsonProperty("ROW_HASH") public String rowHash;

        static Entry of(AuditRecord r) {
            Entry e = new Entry();
            e.auditId = r.auditId();
            e.occurredAt = r.occurredAt().toString();
            e.action = r.action();
            e.mofDivCode = r.mofDivCode();
            e.agencyCode = r.agencyCode();
            e.proCode = r.proCode();
            e.subjectType = r.subjectType();
            e.subjectId = r.subjectId();
            e.caller = r.callerSystem();
            e.operator = r.operator();
            e.roles = r.roles();
            e.reason = r.reason();
            e.detail = r.detail();
            e.chainSeq = r.chainSeq();
            e.prevHash = r.prevHash();
            e.rowHash = r.rowHash();
            return e;
        }
    }

    static final class Head {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("LAST_SEQ") public long lastSeq;
        @JsonProperty("LAST_HASH") public String lastHash;
    }

    @GET
    @Path("entries")
    @Produces(MediaType.APPLICATION_JSON)
    public EntryPage entries(@Context UriInfo uri, @Context SecurityContext caller) {
        AuditPage page = audit.search(query(uri, DEFAULT_PAGE), AuthenticationFilter.Caller.of(caller).reader());
        EntryPage out = new EntryPage();
        out.entries = page.entries().stream().map(Entry::of).toList();
        out.nextAfter = page.nextAfter();
        return out;
    }

    @GET
    @Path("head")
    @Produces(MediaType.APPLICATION_JSON)
    public Head head(@Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, Set.of(MofDivCode.FIELD));
        MofDivCode region = MofDivCode.of(uri.getQueryParameters().getFirst(MofDivCode.FIELD));
        AuditChainHead h = audit.head(region, AuthenticationFilter.Caller.of(caller).reader());
        Head out = new Head();
        out.mofDivCode = h.mofDivCode().value();
        out.lastSeq = h.lastSeq();
        out.lastHash = h.lastHash();
        return out;
    }

    /**
     * GET /audit/export: every selected entry as CSV ({@link AuditCsv}), streamed from a database cursor. The
     * query and the caller's rights are checked before the first byte is sent.
     */
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@Context UriInfo uri, @Context SecurityContext caller) {
        AuditQuery query = query(uri, AuditQuery.MAX_LIMIT);
        Actor actor = AuthenticationFilter.Caller.of(caller).reader();
        AuditChainHead head = audit.head(query.mofDivCode(), actor);
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(AuditCsv.BOM);
            AuditCsv.header(writer);
            audit.export(query, actor, r -> AuditCsv.row(writer, r));
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit-" + query.mofDivCode() + ".csv\"")
                .header("X-Jixiao-Chain-Seq", head.lastSeq())
                .header("X-Jixiao-Chain-Hash", head.lastHash())
                .build();
    }

    private static final int DEFAULT_PAGE = 100;
    private static final Set<String> QUERY = Set.of(MofDivCode.FIELD, AgencyCode.FIELD, ProCode.FIELD, "ACTOR",
            "FROM", "TO", "AFTER", "LIMIT");

    private static AuditQuery query(UriInfo uri, int defaultLimit) {
        RequestBodies.onlyParameters(uri, QUERY);
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst(MofDivCode.FIELD)));
        AgencyCode agency = v.optional(p.getFirst(AgencyCode.FIELD), AgencyCode::of);
        ProCode project = v.optional(p.getFirst(ProCode.FIELD), ProCode::of);
        Instant from = v.optional(p.getFirst("FROM"), raw -> instant("FROM", raw));
        Instant to = v.optional(p.getFirst("TO"), raw -> instant("TO", raw));
        Long after = v.optional(p.getFirst("AFTER"), raw -> number("AFTER", raw));
        Long limit = v.optional(p.getFirst("LIMIT"), raw -> number("LIMIT", raw));
        v.throwIfAny();
        return new AuditQuery(region, agency, project, p.getFirst("ACTOR"), from, to, after == null ? 0 : after,
                limit == null ? defaultLimit : (int) Math.min(Integer.MAX_VALUE, limit));
    }

    private static Instant instant(String field, String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "instant", "must be an ISO-8601 instant such as 2026-07-01T00:00:00Z");
        }
    }

    private static long number(String field, String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "integer", "must be a whole number");
        }
    }
}
