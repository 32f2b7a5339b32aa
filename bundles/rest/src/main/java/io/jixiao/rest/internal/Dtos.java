package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.service.Hold;
import java.math.BigDecimal;
import java.util.List;

/**
 * JSON shapes of the REST API. Element names follow the platform's standard (MOF_DIV_CODE, PAY_APP_NO, ...)
 * so that vendors recognise them; unknown fields are rejected.
 */
final class Dtos {
    private Dtos() {
    }

    /** POST /payment-guard/checks. */
    static final class PaymentCheckRequest {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FISCAL_YEAR") public Integer fiscalYear;
        @JsonProperty("PAY_APP_NO") public String payAppNo;
        @JsonProperty("AGENCY_CODE") public String agencyCode;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("BGT_ID") public String bgtId;
        @JsonProperty("PAY_APP_AMT") public BigDecimal amount;
        @JsonProperty("EXP_KIND") public String expKind;
        @JsonProperty("GOV_BGT_ECO_CODE") public String ecoCode;
        @JsonProperty("OPERATOR") public String operator;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class PaymentDecisionResponse {
        @JsonProperty("DECISION") public String decision;
        @JsonProperty("REASON_CODE") public String reasonCode;
        @JsonProperty("HOLD_ID") public Long holdId;
        @JsonProperty("HOLD_KIND") public String holdKind;
        @JsonProperty("HOLD_REASON") public String holdReason;
        @JsonProperty("KIND_CORRECTED") public Boolean kindCorrected;

        static PaymentDecisionResponse of(PaymentDecision d) {
            PaymentDecisionResponse r = new PaymentDecisionResponse();
            r.decision = d.outcome().name();
            r.reasonCode = d.reasonCode().name();
            r.holdId = d.holdId();
            r.holdKind = d.holdKind() == null ? null : d.holdKind().name();
            r.holdReason = d.holdReason();
            r.kindCorrected = d.kindCorrected() ? Boolean.TRUE : null;
            return r;
        }
    }

    /** POST /holds. */
    static final class PlaceHoldRequest {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("TARGET_TYPE") public String targetType;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("BGT_ID") public String bgtId;
        @JsonProperty("HOLD_KIND") public String holdKind;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    /** POST /holds/{id}/release. */
    static final class ReleaseHoldRequest {
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class HoldResponse {
        @JsonProperty("HOLD_ID") public long holdId;
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("TARGET_TYPE") public String targetType;
        @JsonProperty("PRO_CODE") public String proCode;
        @JsonProperty("BGT_ID") public String bgtId;
        @JsonProperty("HOLD_KIND") public String holdKind;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("STATUS") public String status;
        @JsonProperty("PLACED_BY") public String placedBy;
        @JsonProperty("PLACED_AT") public String placedAt;
        @JsonProperty("RELEASED_BY") public String releasedBy;
        @JsonProperty("RELEASED_AT") public String releasedAt;
        @JsonProperty("RELEASE_REASON") public String releaseReason;

        static HoldResponse of(Hold h) {
            HoldResponse r = new HoldResponse();
            r.holdId = h.holdId();
            r.mofDivCode = h.target().mofDivCode().value();
            r.targetType = h.target().type().name();
            r.proCode = h.target().proCode() == null ? null : h.target().proCode().value();
            r.bgtId = h.target().bgtId() == null ? null : h.target().bgtId().value();
            r.holdKind = h.kind().name();
            r.reason = h.reason().text();
            r.status = h.status().name();
            r.placedBy = h.placedBy().callerSystem() + "/" + h.placedBy().operator();
            r.placedAt = h.placedAt().toString();
            if (h.release() != null) {
                r.releasedBy = h.release().releasedBy().callerSystem() + "/" + h.release().releasedBy().operator();
                r.releasedAt = h.release().releasedAt().toString();
                r.releaseReason = h.release().reason().text();
            }
            return r;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class HoldList {
        @JsonProperty("HOLDS") public List<HoldResponse> holds;
    }
}
