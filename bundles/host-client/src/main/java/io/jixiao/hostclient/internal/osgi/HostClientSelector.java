package io.jixiao.hostclient.internal.osgi;

import io.jixiao.hostclient.internal.HostClientConfiguration;
import io.jixiao.hostclient.internal.HostPorts;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once {@code io.jixiao.hostclient} is configured, enables the host client of the configured protocol
 * ({@code RestHost} or {@code SoapHost}), which registers the ledger, master-data, allocation and transfer ports
 * over the host's services. A host that registers the ports itself leaves this unconfigured.
 */
@Component(configurationPid = HostClientConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = HostClientConfiguration.class)
public final class HostClientSelector {
    private static final Logger LOG = LoggerFactory.getLogger(HostClientSelector.class);

    private final ComponentContext context;
    private final String client;

    /** @throws IllegalArgumentException for an unknown protocol or a URL that is not http(s) */
    @Activate
    public HostClientSelector(ComponentContext context, HostClientConfiguration config) {
        this.context = context;
        String protocol = HostPorts.checked(config.protocol(), config.url());
        this.client = "io.jixiao.hostclient.internal." + (protocol.equals("REST") ? "RestHost" : "SoapHost");
        context.enableComponent(client);
        LOG.info("Host ports over {} at {} (master data: {})", protocol, config.url(), config.masterData());
    }

    @Deactivate
    void deactivate() {
        context.disableComponent(client);
    }
}
