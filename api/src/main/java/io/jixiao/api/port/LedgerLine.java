package io.jixiao.api.port;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.ProCode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One budget line (指标, {@code BGT_ID}) of a project in the host's ledger.
 *
 * @param proCode the project ({@code PRO_CODE})
 * @param bgtId the budget line ({@code BGT_ID})
 * @param agencyCode the budget unit that spends it ({@code AGENCY_CODE})
 * @param kind basic or project expenditure; basic expenditure is never monitored for holds
 * @param budgeted the amount budgeted on the line for the year, yuan ({@code BUDGET_AMT}), not negative
 * @param paid the amount paid from it up to the ledger's date, yuan ({@code PAID_AMT}), not negative
 */
public record LedgerLine(ProCode proCode, BgtId bgtId, AgencyCode agencyCode, ExpenditureKind kind,
        BigDecimal budgeted, BigDecimal paid) {
    public LedgerLine {
        Objects.requireNonNull(proCode, "proCode");
        Objects.requireNonNull(bgtId, "bgtId");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(kind, "kind");
        budgeted = amount("BUDGET_AMT", budgeted);
        paid = amount("PAID_AMT", paid);
    }

    private static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            throw InvalidInputException.of(field, "required", "is required");
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
            throw InvalidInputException.of(field, "money", "must be yuan ≥ 0 with at most 2 decimals, got " + value);
        }
        return value.setScale(2);
    }
}
