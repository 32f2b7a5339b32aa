package io.jixiao.api.port;

import io.jixiao.api.model.MofDivCode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The transfer payments a budget year open for compilation allocates to one lower government (转移支付分配数), as
 * the host's compilation module holds them (since 1.2.0).
 *
 * @param recipient the lower government's fiscal region
 * @param allocated the amount, yuan, 0 or more
 */
public record TransferAllocation(MofDivCode recipient, BigDecimal allocated) {
    public TransferAllocation {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(allocated, "allocated");
        if (allocated.signum() < 0 || allocated.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("ALLOCATED_AMT must be yuan ≥ 0 with at most 2 decimals, got "
                    + allocated.toPlainString());
        }
        allocated = allocated.setScale(2);
    }
}
