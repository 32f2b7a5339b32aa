package io.jixiao.api.hook;

import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violations;
import java.math.BigDecimal;

/**
 * A payment application 支付申请 as the host's payment module submits it, identified by
 * ({@code FISCAL_YEAR}, {@code MOF_DIV_CODE}, {@code PAY_APP_NO}).
 *
 * @param mofDivCode fiscal region
 * @param fiscalYear fiscal year of the payment
 * @param payAppNo payment application number
 * @param agencyCode paying agency
 * @param proCode project; required for project expenditure, optional for basic expenditure
 * @param bgtId budget line drawn on
 * @param amount {@code PAY_APP_AMT}
 * @param kind basic or project expenditure
 * @param ecoCode the government economic classification of the payment ({@code GOV_BGT_ECO_CODE}, 3 to 10 digits),
 *        or {@code null}; a region may exempt classes from holds (salaries, basic livelihood) (since 1.2.0)
 */
public record PaymentApplication(MofDivCode mofDivCode, FiscalYear fiscalYear, PayAppNo payAppNo,
        AgencyCode agencyCode, ProCode proCode, BgtId bgtId, Money amount, ExpenditureKind kind, String ecoCode) {
    public static final String AMOUNT_FIELD = "PAY_APP_AMT";
    public static final String KIND_FIELD = "EXP_KIND";
    /** @since 1.2.0 */
    public static final String ECO_CODE_FIELD = "GOV_BGT_ECO_CODE";
    private static final java.util.regex.Pattern ECO_CODE = java.util.regex.Pattern.compile("[0-9]{3,10}");

    public PaymentApplication {
        require(MofDivCode.FIELD, mofDivCode);
        require(FiscalYear.FIELD, fiscalYear);
        require(PayAppNo.FIELD, payAppNo);
        require(AgencyCode.FIELD, agencyCode);
        require(BgtId.FIELD, bgtId);
        require(AMOUNT_FIELD, amount);
        require(KIND_FIELD, kind);
        if (kind == ExpenditureKind.PROJECT && proCode == null) {
            throw InvalidInputException.of(ProCode.FIELD, "required", "is required for project expenditure");
        }
        if (ecoCode != null && !ECO_CODE.matcher(ecoCode).matches()) {
            throw InvalidInputException.of(ECO_CODE_FIELD, "pattern", "must be 3 to 10 digits, got '" + ecoCode + "'");
        }
    }

    /** An application without an economic classification (the constructor of version 1.1). */
    public PaymentApplication(MofDivCode mofDivCode, FiscalYear fiscalYear, PayAppNo payAppNo, AgencyCode agencyCode,
            ProCode proCode, BgtId bgtId, Money amount, ExpenditureKind kind) {
        this(mofDivCode, fiscalYear, payAppNo, agencyCode, proCode, bgtId, amount, kind, null);
    }

    /**
     * Builds an application from the raw fields of a remote request.
     *
     * @return the application
     * @throws InvalidInputException naming every broken rule
     */
    public static PaymentApplication from(String mofDivCode, Integer fiscalYear, String payAppNo, String agencyCode,
            String proCode, String bgtId, BigDecimal amount, String kind) {
        return from(mofDivCode, fiscalYear, payAppNo, agencyCode, proCode, bgtId, amount, kind, null);
    }

    /**
     * Builds an application, with its economic classification, from the raw fields of a remote request.
     *
     * @return the application
     * @throws InvalidInputException naming every broken rule
     * @since 1.2.0
     */
    public static PaymentApplication from(String mofDivCode, Integer fiscalYear, String payAppNo, String agencyCode,
            String proCode, String bgtId, BigDecimal amount, String kind, String ecoCode) {
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(mofDivCode));
        if (fiscalYear == null) {
            v.add(FiscalYear.FIELD, "required", "is required");
        }
        FiscalYear year = fiscalYear == null ? null : v.check(() -> FiscalYear.of(fiscalYear));
        PayAppNo number = v.check(() -> PayAppNo.of(payAppNo));
        AgencyCode agency = v.check(() -> AgencyCode.of(agencyCode));
        ProCode project = v.optional(proCode, ProCode::of);
        BgtId line = v.check(() -> BgtId.of(bgtId));
        Money money = v.check(() -> Money.positive(AMOUNT_FIELD, amount));
        ExpenditureKind expenditure = v.oneOf(KIND_FIELD, kind, ExpenditureKind.class);
        if (expenditure == ExpenditureKind.PROJECT && proCode == null) {
            v.add(ProCode.FIELD, "required", "is required for project expenditure");
        }
        if (ecoCode != null && !ECO_CODE.matcher(ecoCode).matches()) {
            v.add(ECO_CODE_FIELD, "pattern", "must be 3 to 10 digits");
        }
        v.throwIfAny();
        return new PaymentApplication(region, year, number, agency, project, line, money, expenditure, ecoCode);
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw InvalidInputException.of(field, "required", "is required");
        }
    }
}
