package io.jixiao.api.service;

import java.util.List;

/**
 * A page of audit entries.
 *
 * @param entries the entries, in trail order
 * @param nextAfter the {@code afterAuditId} of the next page, {@code null} when this was the last
 * @since 1.2.0
 */
public record AuditPage(List<AuditRecord> entries, Long nextAfter) {
    public AuditPage {
        entries = List.copyOf(entries);
    }
}
