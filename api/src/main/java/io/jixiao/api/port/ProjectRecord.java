package io.jixiao.api.port;

import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.ProCode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A project as the host's project library holds it.
 *
 * @param proCode the project ({@code PRO_CODE})
 * @param name its name ({@code PRO_NAME})
 * @param agencyCode the implementing unit ({@code AGENCY_CODE})
 * @param deptCode the competent department ({@code DEPT_CODE}), whose whole-department monitoring it counts in
 * @param projectClass its class
 * @param investment whether it is a government investment project (政府投资项目)
 * @param estimate the approved estimate 批准概算 of an investment project, yuan, or {@code null}
 * @param invested the investment to date across all years, yuan, or {@code null}; above the estimate it is 超概算
 */
public record ProjectRecord(ProCode proCode, String name, AgencyCode agencyCode, String deptCode,
        ProjectClass projectClass, boolean investment, BigDecimal estimate, BigDecimal invested) {
    public ProjectRecord {
        Objects.requireNonNull(proCode, "proCode");
        Objects.requireNonNull(agencyCode, "agencyCode");
        name = name == null ? "" : name;
        deptCode = deptCode == null || deptCode.isBlank() ? agencyCode.value() : deptCode;
    }

    /** @return whether an investment project's investment to date exceeds its approved estimate */
    public boolean overEstimate() {
        return investment && estimate != null && invested != null && invested.compareTo(estimate) > 0;
    }
}
