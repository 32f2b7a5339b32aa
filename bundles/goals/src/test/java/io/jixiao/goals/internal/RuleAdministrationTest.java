package io.jixiao.goals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jixiao.api.goal.RuleSetChange;
import io.jixiao.api.goal.RuleSetView;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Role;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules read and changed through the service: checked, stored with the author, audited, in force at once. */
class RuleAdministrationTest {
    private static final MofDivCode GUANGZHOU = MofDivCode.of("440100000");
    private static final FiscalYear YEAR = FiscalYear.of(2026);
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);

    private Repositories store;
    private Goals goals;
    private RuleAdministration rules;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        store = Repositories.over(Database.sessions(ds, ""));
        goals = node();
        rules = new RuleAdministration(store.goals(), goals, java.time.Clock.systemUTC());
    }

    /** A node with the shipped presets, as Config Admin hands them over. */
    private Goals node() {
        Goals node = new Goals(region -> Optional.ofNullable(Presets.PARENTS.get(region.value()))
                .map(MofDivCode::of));
        Presets.files().forEach((file, p) -> {
            Map<String, Object> values = new HashMap<>();
            p.forEach((k, v) -> values.put((String) k, v));
            node.putRuleSet(file, values);
        });
        return node;
    }

    @Test
    void theRulesInForceReadAsKeysWithTheirSources() {
        RuleSetView view = rules.rules(GUANGZHOU, YEAR, Actor.of("PORTAL", "unit.staff", Role.UNIT));
        // the rules are working configuration, not a publication: the public and evaluators do not read them
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules.rules(GUANGZHOU, YEAR,
                Actor.of("PORTAL", "anyone", Role.PUBLIC))).isInstanceOf(io.jixiao.api.model.ForbiddenException.class);

        assertThat(view.version()).isEqualTo("440100000/2020#1 < national/2019#3");
        assertThat(view.ruleSet()).isEqualTo("440100000/2020#1");
        assertThat(view.rules()).containsEntry("indicators.min.DEVELOPMENT", "8");
        assertThat(view.sources().get("indicators.min.DEVELOPMENT")).contains("seed 002");
        assertThat(rules.rules(MofDivCode.of("440106000"), YEAR, FINANCE).ruleSet())
                .as("a district without its own set inherits Guangzhou's").isNull();
    }

    @Test
    void aChangeIsStoredAuditedAndInForceAtOnceOnEveryNode() {
        RuleSetView changed = rules.change(new RuleSetChange(GUANGZHOU, 2020, 1,
                Map.of("indicators.min.DEVELOPMENT", "9", "source.indicators.min.DEVELOPMENT", "穗财绩〔2026〕1号"),
                "穗财绩〔2026〕1号: 发展类项目至少9个指标"), FINANCE);

        assertThat(changed.ruleSet()).isEqualTo("440100000/2020#2");
        assertThat(changed.rules()).containsEntry("indicators.min.DEVELOPMENT", "9")
                .containsEntry("indicators.quantitativeMinPercent", "50");
        assertThat(goals.book().rulesFor(GUANGZHOU, YEAR).version()).startsWith("440100000/2020#2");
        assertThat(store.audit().findBySubject("RULE_SET", "440100000/2020#2", 5)).extracting(e -> e.action())
                .containsExactly("GOAL_RULES_CHANGED");

        Goals otherNode = node();
        assertThat(otherNode.loadStored(store.goals().ruleSets())).isTrue();
        assertThat(otherNode.book().rulesFor(GUANGZHOU, YEAR).version()).startsWith("440100000/2020#2");
        assertThat(otherNode.loadStored(store.goals().ruleSets())).as("nothing new").isFalse();
    }

    @Test
    void aBadChangeIsRefusedAndChangesNothing() {
        assertThrows(ConflictException.class, () -> rules.change(new RuleSetChange(GUANGZHOU, 2020, 0,
                Map.of("indicators.min.DEVELOPMENT", "9"), "made against no revision"), FINANCE));
        InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> rules.change(
                new RuleSetChange(GUANGZHOU, 2020, 1, Map.of("indicators.min.EVERYTHING", "9"), "typo"), FINANCE));
        assertThat(unknown.violations().get(0).field()).isEqualTo("RULES.indicators.min.EVERYTHING");
        InvalidInputException notANumber = assertThrows(InvalidInputException.class, () -> rules.change(
                new RuleSetChange(GUANGZHOU, 2020, 1, Map.of("indicators.min.DEVELOPMENT", "eight"), "typo"),
                FINANCE));
        assertThat(notANumber.violations().get(0).message()).contains("indicators.min.DEVELOPMENT");
        assertThrows(ForbiddenException.class, () -> rules.change(new RuleSetChange(GUANGZHOU, 2020, 1,
                Map.of("indicators.min.DEVELOPMENT", "9"), "units do not set rules"),
                Actor.of("UNIT-PORTAL", "wang", Role.UNIT)));

        assertThat(goals.book().rulesFor(GUANGZHOU, YEAR).version()).startsWith("440100000/2020#1");
        assertThat(store.goals().ruleSets()).isEmpty();
    }

    @Test
    void aRegionGetsItsOwnSetFromAYearOn() {
        RuleSetView district = rules.change(new RuleSetChange(MofDivCode.of("440106000"), 2026, 0,
                Map.of("gate.COMPILATION.mode", "WARN"), "天河区 pilots the compilation gate in 2026"), FINANCE);

        assertThat(district.version()).isEqualTo("440106000/2026#1 < 440100000/2020#1 < national/2019#3");
        assertThat(district.rules()).containsEntry("gate.COMPILATION.mode", "WARN")
                .containsEntry("indicators.min.DEVELOPMENT", "8");
        assertThat(rules.rules(MofDivCode.of("440106000"), FiscalYear.of(2025), FINANCE).ruleSet())
                .as("not before 2026").isNull();
    }

    @Test
    void evaluationAndResultRulesAreChangedThroughTheSameApiAndCheckedAlike() {
        RuleSetView changed = rules.change(new RuleSetChange(GUANGZHOU, 2020, 1, Map.of(
                "evaluation.wholeDepartment", "true", "result.department.action.FAIR", "CUT:5",
                "evaluation.spotCheck.share", "20"), "穗财绩: 部门整体绩效与部门预算挂钩"), FINANCE);
        assertThat(changed.rules()).containsEntry("evaluation.wholeDepartment", "true")
                .containsEntry("result.department.action.FAIR", "CUT:5");

        InvalidInputException cancel = assertThrows(InvalidInputException.class, () -> rules.change(
                new RuleSetChange(GUANGZHOU, 2020, 2, Map.of("result.department.action.POOR", "CANCEL"), "too far"),
                FINANCE));
        assertThat(cancel.violations().get(0).message()).contains("result.department.action.POOR");
        InvalidInputException share = assertThrows(InvalidInputException.class, () -> rules.change(
                new RuleSetChange(GUANGZHOU, 2020, 2, Map.of("evaluation.spotCheck.share", "0"), "none"), FINANCE));
        assertThat(share.violations().get(0).message()).contains("evaluation.spotCheck.share");
        assertThat(goals.book().rulesFor(GUANGZHOU, YEAR).version()).startsWith("440100000/2020#2");
    }
}
