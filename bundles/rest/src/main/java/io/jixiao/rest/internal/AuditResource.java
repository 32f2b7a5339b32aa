package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Violations;
import io.jixiao.api.service.AuditService;
import io.jixiao.api.service.AuditVerification;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

/** Verification of the audit trail's hash chain over REST. */
@Path("audit")
public final class AuditResource {
    private final AuditService audit;

    AuditResource(AuditService audit) {
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

        static VerificationResponse of(AuditVerification v) {
            VerificationResponse r = new VerificationResponse();
            r.mofDivCode = v.mofDivCode().value();
            r.rowsChecked = v.rowsChecked();
            r.intact = v.intact();
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
}
