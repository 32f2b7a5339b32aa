package io.jixiao.store;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.PayAppNo;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Payment-guard decisions.
 */
@ProviderType
public interface DecisionRepository {

    /**
     * Records decisions in one batch and one transaction.
     *
     * @param decisions the decisions, typically PASS
     */
    void recordAll(List<DecisionRecord> decisions);

    /**
     * Records journaled decisions in one transaction, skipping those whose key is written already, so that shipping
     * the same batch twice records it once; a decision with an audit entry gets it in the same transaction, only when
     * the decision is written. Two writers of the same key at once: the one that meets the other's row on the key's
     * unique index tries again, which skips it.
     *
     * @param decisions the decisions with their spool keys
     * @return how many were new
     * @since 1.9.0
     */
    int recordOnce(List<JournaledDecision> decisions);

    /**
     * Records journaled decisions offered for the first time, in one batch and one transaction, without asking which
     * keys are written already: a key that is fails the whole batch (its unique index), which the caller then
     * offers again through {@link #recordOnce}.
     *
     * @param decisions the decisions with their spool keys
     * @since 1.9.0
     */
    void recordNew(List<JournaledDecision> decisions);

    /**
     * @param mofDivCode fiscal region
     * @param fiscalYear fiscal year
     * @param payAppNo payment application number
     * @return the decisions recorded for the application, oldest first
     */
    List<DecisionRecord> findByApplication(MofDivCode mofDivCode, FiscalYear fiscalYear, PayAppNo payAppNo);
}
