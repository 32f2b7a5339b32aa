package io.jixiao.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.api.goal.GoalRuleService;
import io.jixiao.api.goal.RuleSetChange;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Violations;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The goal rules as data over REST: read the rules in force, change a region's rule set (docs/rules.md). */
@Path("goal-rules")
@Produces(MediaType.APPLICATION_JSON)
@Component(service = RestResource.class)
public final class GoalRulesResource implements RestResource {
    private static final Set<String> QUERY = Set.of(MofDivCode.FIELD, FiscalYear.FIELD);

    private final GoalRuleService rules;

    @Activate
    public GoalRulesResource(@Reference GoalRuleService rules) {
        this.rules = rules;
    }

    /** The rules in force. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class RulesJson {
        @JsonProperty("RULE_VERSION") public String version;
        @JsonProperty("RULE_SET") public String ruleSet;
        @JsonProperty("REVISION") public int revision;
        @JsonProperty("RULES") public Map<String, String> rules;
        @JsonProperty("SOURCES") public Map<String, String> sources;

        static RulesJson of(RuleSetView view) {
            RulesJson j = new RulesJson();
            j.version = view.version();
            j.ruleSet = view.ruleSet();
            j.revision = view.revision();
            j.rules = new java.util.TreeMap<>(view.rules());
            j.sources = new java.util.TreeMap<>(view.sources());
            return j;
        }
    }

    /** POST /goal-rules. */
    static final class ChangeJson {
        @JsonProperty("MOF_DIV_CODE") public String mofDivCode;
        @JsonProperty("FROM_YEAR") public Integer fromYear;
        @JsonProperty("BASE_REVISION") public Integer baseRevision;
        @JsonProperty("RULES") public Map<String, String> rules;
        @JsonProperty("REASON") public String reason;
        @JsonProperty("OPERATOR") public String operator;
    }

    @GET
    public RulesJson read(@Context UriInfo uri, @Context SecurityContext caller) {
        RequestBodies.onlyParameters(uri, QUERY);
        MultivaluedMap<String, String> p = uri.getQueryParameters();
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(p.getFirst(MofDivCode.FIELD)));
        FiscalYear year = v.check(() -> RequestBodies.fiscalYear(p.getFirst(FiscalYear.FIELD)));
        v.throwIfAny();
        return RulesJson.of(rules.rules(region, year, AuthenticationFilter.Caller.of(caller).reader()));
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public RulesJson change(ChangeJson body, @Context SecurityContext caller) {
        ChangeJson r = RequestBodies.required(body);
        Violations v = new Violations();
        MofDivCode region = v.check(() -> MofDivCode.of(r.mofDivCode));
        if (r.fromYear == null) {
            v.add("FROM_YEAR", "required", "the first budget year the change applies to");
        }
        if (r.baseRevision == null) {
            v.add("BASE_REVISION", "required", "the revision the change was made against (0 for a new rule set)");
        }
        Actor actor = GoalResource.actor(caller, r.operator, v);
        v.throwIfAny();
        RuleSetChange change = new RuleSetChange(region, r.fromYear, r.baseRevision, r.rules, r.reason);
        return RulesJson.of(rules.change(change, actor));
    }
}
