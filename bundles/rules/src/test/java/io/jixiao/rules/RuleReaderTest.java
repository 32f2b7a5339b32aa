package io.jixiao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.evaluation.KeyPart;
import io.jixiao.api.evaluation.ResultPolicy;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleReaderTest {

    @Test
    void everyFamilyIsReadFromTheSameRules() {
        Map<String, String> rules = Map.of("monitoring.departments", "true", "evaluation.weight.OUTPUT", "40",
                "evaluation.weight.BENEFIT", "40", "evaluation.key.weight.DECISION", "10",
                "evaluation.key.weight.PROCESS", "30", "result.action.POOR", "CUT:15", "result.targetYearOffset", "1");

        assertThat(RuleReader.monitoring("v", rules).departments()).isTrue();
        assertThat(RuleReader.scoring("v", rules).weights().values().stream().reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("100");
        assertThat(RuleReader.kinds("v", rules).keyWeight(KeyPart.PROCESS)).isEqualByComparingTo("30");
        ResultPolicy policy = RuleReader.resultPolicy("v", rules);
        assertThat(policy.action(Grade.POOR)).hasToString("CUT:15");
        assertThat(policy.targetYearOffset()).isEqualTo(1);
    }

    @Test
    void aRuleSetIsCheckedOnItsOwnNamingItsLabelAndKey() {
        RuleReader.check("child#1", Map.of("evaluation.weight.OUTPUT", "60")); // completed by inheritance
        assertThatThrownBy(() -> RuleReader.check("child#1", Map.of("result.targetYearOffset", "two")))
                .hasMessageStartingWith("child#1: result.targetYearOffset");
        assertThatThrownBy(() -> RuleReader.check("child#1", Map.of("evaluation.wholeDepartment", "yes")))
                .hasMessageContaining("evaluation.wholeDepartment");
        assertThatThrownBy(() -> RuleReader.check("child#1", Map.of("monitoring.consequence.RED", "HOLD,STOP")))
                .hasMessageContaining("monitoring.consequence.RED");
    }

    @Test
    void theKeysAreEveryFamilysKeys() {
        assertThat(RuleReader.KEYS).containsAll(RuleReader.MONITORING_KEYS).containsAll(RuleReader.SCORING_KEYS)
                .containsAll(RuleReader.KIND_KEYS).containsAll(RuleReader.RESULT_KEYS)
                .contains("monitoring.gap.RED", "evaluation.spotCheck.share", "result.transfer.action.FAIR")
                .doesNotContain("monitoring.gap.GREEN", "indicators.min.DEVELOPMENT");
    }
}
