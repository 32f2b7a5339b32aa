package io.jixiao.api.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a region's transfer rows — or proposed ones — would do to the transfer payments the target year allocates to
 * the lower governments it has evaluated (since 1.2.0). Nothing is written.
 *
 * @param targetYear the budget year it would change
 * @param policyVersion the rules it used ({@code proposed < …} with proposed rows)
 * @param recipients one line per submitted comprehensive evaluation of the year, as its adjustment would be
 *        (status PENDING: not recorded; NOT_IN_DRAFT where the year allocates the government nothing)
 * @param allocated the allocated amounts of the governments allocated any, yuan
 * @param change the sum of the changes, yuan (0 or negative)
 * @param cut how many would be cut
 */
public record TransferWhatIf(int targetYear, String policyVersion, List<TransferAdjustment> recipients,
        BigDecimal allocated, BigDecimal change, int cut) {
    public TransferWhatIf {
        Objects.requireNonNull(policyVersion, "policyVersion");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(allocated, "allocated");
        Objects.requireNonNull(change, "change");
    }

    /** @return the allocated amounts after the changes, yuan */
    public BigDecimal result() {
        return allocated.add(change);
    }
}
