package io.jixiao.monitoring.internal;

import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.monitoring.MonitoringRules;
import io.jixiao.api.port.LedgerPort;
import io.jixiao.api.port.MasterDataPort;
import io.jixiao.api.service.HoldService;
import io.jixiao.store.GoalRepository;
import io.jixiao.store.MonitoringRepository;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Monitoring assembled: the service, the runner and this node's worker, wired the same in the framework and tests. */
public final class Rounds implements AutoCloseable {
    private final Monitoring service;
    private final RoundRunner runner;
    private final RoundWorker worker;
    private final BiFunction<MofDivCode, FiscalYear, MonitoringRules> rules;

    /**
     * @param repository rounds, results, reports
     * @param goals goals in force
     * @param holds the hold service rounds place holds through
     * @param rules the monitoring rules in force for a region and year
     * @param ledger the ledger port, or a supplier of {@code null} while there is none
     * @param masterData the master-data port, or a supplier of {@code null}
     * @param clock the time
     * @param node this node's name
     * @param pageSize ledger lines per port call
     * @param lease how long a runner keeps its round without renewing it
     */
    public Rounds(MonitoringRepository repository, GoalRepository goals, HoldService holds,
            BiFunction<MofDivCode, FiscalYear, MonitoringRules> rules, Supplier<LedgerPort> ledger,
            Supplier<MasterDataPort> masterData, Clock clock, String node, int pageSize, Duration lease) {
        if (pageSize < 1 || pageSize > 5000) {
            throw new IllegalArgumentException("pageSize must be 1-5000, got " + pageSize);
        }
        this.rules = rules;
        this.runner = new RoundRunner(repository, ledger, masterData, holds, rules, clock, pageSize);
        this.worker = new RoundWorker(repository, runner, node, lease, clock);
        this.service = new Monitoring(repository, goals, holds, rules, worker::kick, clock);
    }

    /** Starts the worker's ticks. */
    public void start(List<MofDivCode> scheduledRegions, Duration tick) {
        worker.start(service, scheduledRegions, rules, tick);
    }

    /** @return the service */
    public Monitoring service() {
        return service;
    }

    /** @return the worker, to drive by hand in tests and benchmarks */
    public RoundWorker worker() {
        return worker;
    }

    @Override
    public void close() {
        worker.close();
    }

    /** @return {@code host:pid} */
    public static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
