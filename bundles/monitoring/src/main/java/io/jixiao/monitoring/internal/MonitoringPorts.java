package io.jixiao.monitoring.internal;

import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.MasterDataPort;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The host's ledger and master-data ports as a round finds them when it reads a page. Optional and dynamic: the
 * host (or the host-client bundle) may register them after Jixiao starts; a round that needs one that is not there
 * waits and says so.
 */
@Component(service = MonitoringPorts.class, immediate = true)
public final class MonitoringPorts {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LedgerPort ledger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MasterDataPort masterData;

    /** @return the host's ledger, or {@code null} while none is registered */
    public LedgerPort ledger() {
        return ledger;
    }

    /** @return the host's master data, or {@code null} while none is registered */
    public MasterDataPort masterData() {
        return masterData;
    }
}
