package io.jixiao.api.port;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The host's budget compilation module (预算编制), through which Jixiao reads the amounts requested in a budget year
 * open for compilation and writes evaluation results back into them (since 1.1.0).
 */
@ConsumerType
public interface AllocationPort {

    /** What the host did with one change. */
    enum Outcome {
        /** applied now */
        APPLIED,
        /** applied by an earlier call with the same change id: nothing changed now */
        DUPLICATE,
        /** the project is not in the year's compilation: nothing changed */
        UNKNOWN_PROJECT,
        /**
         * the change id was applied before with other content (another content hash): nothing changed now, and the
         * earlier change stands (since 1.3.0)
         */
        CONFLICT
    }

    /**
     * @param mofDivCode the fiscal region
     * @param fiscalYear the budget year open for compilation
     * @param proCodes up to 5,000 project codes
     * @return the requested amounts of the projects in the year's compilation, by code; others are absent
     * @throws PortUnavailableException if the host does not answer, or answers with something unusable
     */
    Map<ProCode, RequestedAmount> requested(MofDivCode mofDivCode, FiscalYear fiscalYear, Collection<ProCode> proCodes);

    /**
     * Applies changes to the requested amounts, each at most once (by change id).
     *
     * @param mofDivCode the fiscal region
     * @param fiscalYear the budget year open for compilation
     * @param changes up to 5,000 changes
     * @return the outcome of every change, by change id
     * @throws PortUnavailableException if the host does not answer, or answers with something unusable; some of
     *         the changes may have been applied — sending them again is safe
     */
    Map<String, Outcome> apply(MofDivCode mofDivCode, FiscalYear fiscalYear, List<AllocationChange> changes);
}
