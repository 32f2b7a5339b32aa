package io.jixiao.evaluation.internal;

import io.jixiao.api.port.AllocationPort;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.TransferPort;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The host's ports as evaluation finds them at the moment of a call. They are optional and dynamic, as for
 * monitoring: the host (or the host-client bundle) may register them after Jixiao starts; a call that needs one
 * that is not there fails with a clear message (503 over REST).
 */
@Component(service = EvaluationPorts.class, immediate = true)
public final class EvaluationPorts {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LedgerPort ledger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AllocationPort allocation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransferPort transfers;

    /** @return the host's ledger, or {@code null} while none is registered */
    public LedgerPort ledger() {
        return ledger;
    }

    /** @return the host's compilation module, or {@code null} while none is registered */
    public AllocationPort allocation() {
        return allocation;
    }

    /** @return the host's transfer payments, or {@code null} while none is registered */
    public TransferPort transfers() {
        return transfers;
    }
}
