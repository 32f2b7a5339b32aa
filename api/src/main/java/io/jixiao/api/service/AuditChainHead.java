package io.jixiao.api.service;

import io.jixiao.api.model.MofDivCode;

/**
 * The head of a region's audit hash chain: what to anchor outside Jixiao (hand it to the audit bureau, print it
 * in the monthly report). A later verification that still reaches this hash at this position proves that no row
 * up to it was altered since.
 *
 * @param mofDivCode the region
 * @param lastSeq rows in the chain
 * @param lastHash the hash of the last row (64 zeros for an empty chain)
 * @since 1.2.0
 */
public record AuditChainHead(MofDivCode mofDivCode, long lastSeq, String lastHash) {
}
