package io.jixiao.api.port;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The host's budget compilation module as the payer of transfer payments (转移支付) to lower governments (since
 * 1.2.0): Jixiao reads what a budget year open for compilation allocates to each lower government and writes the
 * results of their comprehensive evaluations (财政运行综合绩效评价) back into it.
 */
@ConsumerType
public interface TransferPort {

    /** What the host did with one change. */
    enum TransferOutcome {
        /** applied now */
        APPLIED,
        /** applied by an earlier call with the same change id: nothing changed now */
        DUPLICATE,
        /** the year's compilation allocates no transfer payment to the recipient: nothing changed */
        UNKNOWN_RECIPIENT,
        /**
         * the change id was applied before with other content (another content hash): nothing changed now, and the
         * earlier change stands (since 1.3.0)
         */
        CONFLICT
    }

    /**
     * @param payer the paying government's fiscal region
     * @param fiscalYear the budget year open for compilation
     * @param recipients up to 5,000 lower governments' fiscal regions
     * @return the transfer payments the year's compilation allocates to them, by recipient; others are absent
     * @throws PortUnavailableException if the host does not answer, or answers with something unusable
     */
    Map<MofDivCode, TransferAllocation> allocated(MofDivCode payer, FiscalYear fiscalYear,
            Collection<MofDivCode> recipients);

    /**
     * Applies changes to the allocated amounts, each at most once (by change id).
     *
     * @param payer the paying government's fiscal region
     * @param fiscalYear the budget year open for compilation
     * @param changes up to 5,000 changes
     * @return the outcome of every change, by change id
     * @throws PortUnavailableException if the host does not answer, or answers with something unusable; some of
     *         the changes may have been applied — sending them again is safe
     */
    Map<String, TransferOutcome> applyTransfers(MofDivCode payer, FiscalYear fiscalYear, List<TransferChange> changes);
}
