package io.jixiao.hostclient.internal.osgi;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.port.LedgerPage;
import io.jixiao.api.port.AllocationPort;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.MasterDataPort;
import io.jixiao.api.port.ProjectRecord;
import io.jixiao.api.port.TransferAllocation;
import io.jixiao.api.port.TransferChange;
import io.jixiao.api.port.TransferPort;
import io.jixiao.hostclient.internal.HostPorts;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the ledger, master-data, allocation and transfer ports over the host's services once {@code io.jixiao.hostclient} is
 * configured. A host that registers the ports itself leaves this unconfigured.
 */
@Component(configurationPid = HostClientComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {LedgerPort.class, MasterDataPort.class, AllocationPort.class, TransferPort.class})
@Designate(ocd = HostClientConfiguration.class)
public final class HostClientComponent implements LedgerPort, MasterDataPort, AllocationPort, TransferPort {
    static final String PID = "io.jixiao.hostclient";
    private static final Logger LOG = LoggerFactory.getLogger(HostClientComponent.class);

    private final HostPorts ports;

    @Activate
    public HostClientComponent(HostClientConfiguration config) {
        this.ports = HostPorts.create(config.protocol(), config.url(), config.masterData(),
                Duration.ofMillis(config.connectTimeoutMillis()), Duration.ofMillis(config.timeoutMillis()),
                config.attempts(), Duration.ofMillis(config.backoffMillis()), config.user(), config._password(),
                config.maxAnswerBytes());
        LOG.info("Host ports over {} at {} (master data: {})", ports.protocol(), config.url(), config.masterData());
    }

    @Override
    public LedgerPage lines(MofDivCode mofDivCode, FiscalYear fiscalYear, LocalDate asOf, String after, int limit) {
        return ports.ledger().lines(mofDivCode, fiscalYear, asOf, after, limit);
    }

    @Override
    public Map<ProCode, ProjectRecord> projects(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<ProCode> proCodes) {
        return ports.masterData().projects(mofDivCode, fiscalYear, proCodes);
    }

    @Override
    public Map<ProCode, io.jixiao.api.port.RequestedAmount> requested(MofDivCode mofDivCode, FiscalYear fiscalYear,
            Collection<ProCode> proCodes) {
        return ports.allocation().requested(mofDivCode, fiscalYear, proCodes);
    }

    @Override
    public Map<String, Outcome> apply(MofDivCode mofDivCode, FiscalYear fiscalYear,
            java.util.List<io.jixiao.api.port.AllocationChange> changes) {
        return ports.allocation().apply(mofDivCode, fiscalYear, changes);
    }

    @Override
    public Map<MofDivCode, TransferAllocation> allocated(MofDivCode payer, FiscalYear fiscalYear,
            Collection<MofDivCode> recipients) {
        return ports.transfer().allocated(payer, fiscalYear, recipients);
    }

    @Override
    public Map<String, TransferOutcome> applyTransfers(MofDivCode payer, FiscalYear fiscalYear,
            java.util.List<TransferChange> changes) {
        return ports.transfer().applyTransfers(payer, fiscalYear, changes);
    }
}
