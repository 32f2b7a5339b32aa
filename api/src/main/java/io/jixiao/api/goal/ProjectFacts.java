package io.jixiao.api.goal;

import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
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
}
