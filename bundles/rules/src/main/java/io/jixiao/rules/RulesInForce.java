package io.jixiao.rules;

import io.jixiao.api.evaluation.KindRules;
import io.jixiao.api.evaluation.ResultPolicy;
import io.jixiao.api.evaluation.ScoringRules;
import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.monitoring.MonitoringRules;
import io.jixiao.api.rectification.RectificationRules;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The rules in force for a region and year, read into the API's typed views: what monitoring, the payment guard and
 * evaluation ask of the goals bundle's rule sets, through {@link RuleReader}.
 */
public final class RulesInForce {
    private final BiFunction<MofDivCode, FiscalYear, RuleSetView> views;

    /**
     * @param views the rule sets in force for a region and year, inheritance applied
     */
    public RulesInForce(BiFunction<MofDivCode, FiscalYear, RuleSetView> views) {
        this.views = Objects.requireNonNull(views, "views");
    }

    /**
     * @param service the goals bundle's rules
     * @param reader who reads them (a system task, {@link Actor#system})
     * @return the rules in force as the service holds them
     */
    public static RulesInForce of(GoalRuleService service, Actor reader) {
        return new RulesInForce((region, year) -> service.rules(region, year, reader));
    }

    /** @return the rule sets in force there and then, as keys and values */
    public RuleSetView view(MofDivCode region, FiscalYear year) {
        return views.apply(region, year);
    }

    /** @return the monitoring rules in force */
    public MonitoringRules monitoring(MofDivCode region, FiscalYear year) {
        return read(region, year, RuleReader::monitoring);
    }

    /** @return the self-evaluation scoring rules in force */
    public ScoringRules scoring(MofDivCode region, FiscalYear year) {
        return read(region, year, RuleReader::scoring);
    }

    /** @return the rules of the evaluation kinds in force */
    public KindRules kinds(MofDivCode region, FiscalYear year) {
        return read(region, year, RuleReader::kinds);
    }

    /** @return the result policy in force */
    public ResultPolicy resultPolicy(MofDivCode region, FiscalYear year) {
        return read(region, year, RuleReader::resultPolicy);
    }

    /** @return the rectification rules in force */
    public RectificationRules rectification(MofDivCode region, FiscalYear year) {
        return read(region, year, RuleReader::rectification);
    }

    private <T> T read(MofDivCode region, FiscalYear year, BiFunction<String, Map<String, String>, T> reader) {
        RuleSetView view = view(region, year);
        return reader.apply(view.version(), view.rules());
    }
}
