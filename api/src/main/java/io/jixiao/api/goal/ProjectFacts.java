package io.jixiao.api.goal;

import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violations;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the rules need to know of a project, as the host's project library declares it.
 *
 * @param mofDivCode the fiscal region
 * @param fiscalYear the budget year the project asks money for
 * @param agencyCode the implementing unit
 * @param proCode the project
 * @param projectClass its class
 * @param level first- or second-level project
 * @param budget which of the four budgets pays it
 * @param amount the amount requested for the year
 * @param newProject new (新增) rather than continuing
 * @param recurring recurring (经常性) rather than one-off (一次性)
 * @param previousYearAmount last year's amount of a continuing project, or {@code null}
 */
public record ProjectFacts(MofDivCode mofDivCode, FiscalYear fiscalYear, AgencyCode agencyCode, ProCode proCode,
        ProjectClass projectClass, ProjectLevel level, BudgetKind budget, Money amount, boolean newProject,
        boolean recurring, Money previousYearAmount) {
    public ProjectFacts {
        Objects.requireNonNull(mofDivCode, "mofDivCode");
        Objects.requireNonNull(fiscalYear, "fiscalYear");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(proCode, "proCode");
        Objects.requireNonNull(projectClass, "projectClass");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(amount, "amount");
    }

    /**
     * Builds a project's facts from the fields of a remote request (REST, SOAP, a form), in the platform's element
     * names: {@code MOF_DIV_CODE}, {@code FISCAL_YEAR}, {@code AGENCY_CODE}, {@code PRO_CODE},
     * {@code PROJECT_CLASS}, {@code PROJECT_LEVEL}, {@code BUDGET_KIND}, {@code AMOUNT}, {@code NEW_PROJECT},
     * {@code RECURRING}, {@code PREV_AMOUNT}. The one check every adapter applies.
     *
     * @param v collects every broken rule
     * @return the facts, or {@code null} if a rule was broken
     * @since 2.0.0
     */
    public static ProjectFacts from(Violations v, String mofDivCode, Integer fiscalYear, String agencyCode,
            String proCode, String projectClass, String projectLevel, String budgetKind, BigDecimal amount,
            Boolean newProject, Boolean recurring, BigDecimal prevAmount) {
        int before = v.count();
        MofDivCode region = v.check(() -> MofDivCode.of(mofDivCode));
        FiscalYear year = FiscalYear.from(v, fiscalYear);
        AgencyCode agency = v.check(() -> AgencyCode.of(agencyCode));
        ProCode project = v.check(() -> ProCode.of(proCode));
        ProjectClass type = v.oneOf("PROJECT_CLASS", projectClass, ProjectClass.class);
        ProjectLevel level = v.oneOf("PROJECT_LEVEL", projectLevel, ProjectLevel.class);
        BudgetKind budget = v.oneOf("BUDGET_KIND", budgetKind, BudgetKind.class);
        Money money = v.check(() -> Money.positive("AMOUNT", amount));
        Money previous = prevAmount == null ? null : v.check(() -> Money.positive("PREV_AMOUNT", prevAmount));
        if (newProject == null) {
            v.add("NEW_PROJECT", "required", "is required (true for a new project, false for a continuing one)");
        }
        if (recurring == null) {
            v.add("RECURRING", "required", "is required (true for recurring, false for one-off)");
        }
        return v.count() > before ? null
                : new ProjectFacts(region, year, agency, project, type, level, budget, money, newProject, recurring,
                        previous);
    }
}
