package io.jixiao.monitoring.internal.osgi;

import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.monitoring.Alert;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.AlertPage;
import io.jixiao.api.monitoring.MonitoringRules;
import io.jixiao.api.monitoring.MonitoringService;
import io.jixiao.api.monitoring.Round;
import io.jixiao.api.monitoring.RoundRequest;
import io.jixiao.api.monitoring.UnitReport;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.MasterDataPort;
import io.jixiao.api.service.HoldService;
import io.jixiao.monitoring.internal.Monitoring;
import io.jixiao.monitoring.internal.Rounds;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.MonitoringRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the monitoring service and runs this node's round worker. The ledger and master-data ports are optional
 * and dynamic: the host (or the host-client bundle) may register them after Jixiao starts; a round started without
 * a ledger fails with a clear message and is resumed once one is there.
 */
@Component(configurationPid = MonitoringComponent.PID, service = MonitoringService.class)
@Designate(ocd = RoundsConfiguration.class)
public final class MonitoringComponent implements MonitoringService {
    static final String PID = "io.jixiao.monitoring.rounds";
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringComponent.class);
    private static final Actor RULES_READER = Actor.system("monitoring");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LedgerPort ledger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MasterDataPort masterData;

    private final Rounds rounds;

    @Activate
    public MonitoringComponent(RoundsConfiguration config, @Reference MonitoringRepository repository,
            @Reference GoalRepository goals, @Reference GoalRuleService ruleService, @Reference HoldService holds) {
        List<MofDivCode> regions = Arrays.stream(config.regions()).map(String::trim).filter(s -> !s.isEmpty())
                .map(MofDivCode::of).toList();
        String node = config.node().isBlank() ? Rounds.defaultNode() : config.node();
        this.rounds = new Rounds(repository, goals, holds, (region, year) -> rules(ruleService, region, year),
                () -> ledger, () -> masterData, Clock.systemUTC(), node, config.pageSize(),
                Duration.ofSeconds(Math.max(1, config.leaseSeconds())));
        rounds.start(regions, Duration.ofSeconds(config.tickSeconds()));
        LOG.info("Monitoring ready on node {}: scheduled rounds for {}", node, regions.isEmpty() ? "no region" : regions);
    }

    private static MonitoringRules rules(GoalRuleService service, MofDivCode region, FiscalYear year) {
        RuleSetView view = service.rules(region, year, RULES_READER);
        return MonitoringRules.parse(view.version(), view.rules());
    }

    @Deactivate
    void deactivate() {
        rounds.close();
    }

    private Monitoring service() {
        return rounds.service();
    }

    @Override
    public Round start(RoundRequest request, Actor actor) {
        return service().start(request, actor);
    }

    @Override
    public Optional<Round> round(long roundId, Actor actor) {
        return service().round(roundId, actor);
    }

    @Override
    public Round cancel(long roundId, Actor actor) {
        return service().cancel(roundId, actor);
    }

    @Override
    public Round resume(long roundId, Actor actor) {
        return service().resume(roundId, actor);
    }

    @Override
    public AlertPage alerts(long roundId, AlertLevel minLevel, long afterId, int limit, Actor actor) {
        return service().alerts(roundId, minLevel, afterId, limit, actor);
    }

    @Override
    public Optional<Alert> alert(long alertId, Actor actor) {
        return service().alert(alertId, actor);
    }

    @Override
    public UnitReport report(UnitReport report, Actor actor) {
        return service().report(report, actor);
    }

    @Override
    public Optional<UnitReport> report(MofDivCode mofDivCode, FiscalYear fiscalYear, java.time.LocalDate cutOff,
            io.jixiao.api.model.ProCode proCode, Actor actor) {
        return service().report(mofDivCode, fiscalYear, cutOff, proCode, actor);
    }

    @Override
    public java.util.List<UnitReport> importReports(MofDivCode mofDivCode, FiscalYear fiscalYear,
            java.time.LocalDate cutOff, java.nio.file.Path file, java.nio.charset.Charset csvCharset, Actor actor) {
        return service().importReports(mofDivCode, fiscalYear, cutOff, file, csvCharset, actor);
    }

    @Override
    public Alert rectify(long alertId, Reason account, Actor actor) {
        return service().rectify(alertId, account, actor);
    }

    @Override
    public Alert release(long alertId, Reason reason, Actor actor) {
        return service().release(alertId, reason, actor);
    }
}
