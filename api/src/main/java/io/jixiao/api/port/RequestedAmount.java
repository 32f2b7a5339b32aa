package io.jixiao.api.port;

import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.ProCode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A project's amount requested in a budget year open for compilation, as the host's compilation module holds it
 * (since 1.1.0).
 *
 * @param proCode the project
 * @param agencyCode its agency
 * @param deptCode its department (the agency's code when the host has none)
 * @param requested the requested amount, yuan, 0 or more
 */
public record RequestedAmount(ProCode proCode, AgencyCode agencyCode, String deptCode, BigDecimal requested) {
    public RequestedAmount {
        Objects.requireNonNull(proCode, "proCode");
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(requested, "requested");
        deptCode = deptCode == null || deptCode.isBlank() ? agencyCode.value() : deptCode;
        if (requested.signum() < 0 || requested.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("REQUESTED_AMT must be yuan ≥ 0 with at most 2 decimals, got "
                    + requested.toPlainString());
        }
        requested = requested.setScale(2);
    }
}
