package io.jixiao.guard.internal;

import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.monitoring.MonitoringRules;
import io.jixiao.rules.RulesInForce;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The economic classes each region exempts from holds (rule key {@code monitoring.exemptEconomicClasses}), read once
 * per region and year — on a payment check, within its budget — and read again on every reconcile, so that a rule
 * change takes effect within a minute. What was read stays while the rules cannot be read again (the database is
 * down): exempt payments keep passing. A region and year whose rules were never read, and cannot be read within the
 * check's budget, exempt nothing for that check.
 */
@Component(service = ExemptClasses.class, immediate = true)
public final class ExemptClasses {
    private final BiFunction<MofDivCode, FiscalYear, MonitoringRules> rules;
    private final ConcurrentHashMap<String, MonitoringRules> byRegionYear = new ConcurrentHashMap<>();

    private static final Actor RULES_READER = Actor.system("payment-guard");

    /** The component: the monitoring rules in force, as the goal rules hold them. */
    @Activate
    public ExemptClasses(@Reference GoalRuleService ruleService) {
        this(RulesInForce.of(ruleService, RULES_READER)::monitoring);
    }

    ExemptClasses(BiFunction<MofDivCode, FiscalYear, MonitoringRules> rules) {
        this.rules = rules;
    }

    /**
     * @param application a payment application
     * @param database where a first read of the rules runs
     * @param deadline {@link System#nanoTime()} by which the read must be done
     * @return whether its economic classification is exempt in its region and year
     */
    boolean exempt(PaymentApplication application, Bounded database, long deadline) {
        if (application.ecoCode() == null) {
            return false;
        }
        String key = application.mofDivCode().value() + '/' + application.fiscalYear().value();
        MonitoringRules r = byRegionYear.get(key);
        if (r == null) {
            Bounded.Outcome<MonitoringRules> read = database.call(() -> rules.apply(application.mofDivCode(),
                    application.fiscalYear()), deadline);
            if (!read.done()) {
                return false; // no rules for that year, or none readable in time: nothing is exempt beyond basic
            }
            r = read.value();
            byRegionYear.put(key, r);
        }
        return r.exempt(application.ecoCode());
    }

    /** Reads every region's and year's rules again; keeps what was read where they cannot be read now. */
    public void refresh() {
        for (String key : byRegionYear.keySet()) {
            int slash = key.indexOf('/');
            try {
                byRegionYear.put(key, rules.apply(MofDivCode.of(key.substring(0, slash)),
                        FiscalYear.of(Integer.parseInt(key.substring(slash + 1)))));
            } catch (RuntimeException e) {
                // kept: the database is down, or the rules are gone (a year no longer set up exempts what it did)
            }
        }
    }
}
