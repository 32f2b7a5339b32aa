package io.jixiao.api.port;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import java.time.LocalDate;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The host's budget ledger (指标账): for a fiscal region and year, each budget line with its budgeted amount and what
 * has been paid from it up to a date. Read in pages, so a monitoring round over 100,000 projects makes a few hundred
 * calls, not one per project.
 */
@ConsumerType
public interface LedgerPort {

    /**
     * One page of the ledger, ordered by project code then budget line (the order the pages continue in).
     *
     * @param mofDivCode the fiscal region
     * @param fiscalYear the budget year
     * @param asOf paid amounts up to and including this day
     * @param after the {@link LedgerPage#next()} token of the previous page, or {@code null} for the first page
     * @param limit at most this many lines (1–5,000)
     * @return the page
     * @throws PortUnavailableException if the host does not answer, or answers with something that is not a ledger
     */
    LedgerPage lines(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate asOf, String after, int limit);
}
