package io.jixiao.monitoring.internal;

import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.monitoring.MonitoringRules;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The economic classes each region exempts from holds (rule key {@code monitoring.exemptEconomicClasses}), read once
 * per region and year and cleared on every reconcile, so that a rule change takes effect within a minute.
 */
public final class ExemptClasses {
    private final BiFunction<MofDivCode, FiscalYear, MonitoringRules> rules;
    private final ConcurrentHashMap<String, MonitoringRules> byRegionYear = new ConcurrentHashMap<>();

    public ExemptClasses(BiFunction<MofDivCode, FiscalYear, MonitoringRules> rules) {
        this.rules = rules;
    }

    /**
     * @param application a payment application
     * @return whether its economic classification is exempt in its region and year
     */
    public boolean exempt(PaymentApplication application) {
        if (application.ecoCode() == null) {
            return false;
        }
        String key = application.mofDivCode().value() + '/' + application.fiscalYear().value();
        MonitoringRules r = byRegionYear.get(key);
        if (r == null) {
            try {
                r = rules.apply(application.mofDivCode(), application.fiscalYear());
            } catch (RuntimeException e) {
                return false; // no rules for that year: nothing is exempt beyond basic expenditure
            }
            byRegionYear.put(key, r);
        }
        return r.exempt(application.ecoCode());
    }

    /** Forgets what was read: the next check reads the rules again. */
    public void clear() {
        byRegionYear.clear();
    }
}
