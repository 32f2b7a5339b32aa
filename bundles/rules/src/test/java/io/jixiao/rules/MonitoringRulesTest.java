package io.jixiao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.goal.GateMode;
import io.jixiao.api.monitoring.AlertLevel;
import io.jixiao.api.monitoring.Consequence;
import io.jixiao.api.monitoring.Finding;
import io.jixiao.api.monitoring.MonitoringRules;
import io.jixiao.api.monitoring.RoundSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringRulesTest {

    @Test
    void theKeysOfARegionBecomeRules() {
        MonitoringRules r = RuleReader.monitoring("654300000/2018#2 < national/2019#2", Map.of(
                "monitoring.rounds", "07-31>08-31, 04-30>05-31", "monitoring.gap.YELLOW", "10",
                "monitoring.gap.RED", "20", "monitoring.level.CANNOT_COMPLETE", "YELLOW",
                "monitoring.consequence.RED", "RECTIFY,HOLD", "monitoring.mode", "WARN",
                "monitoring.enforceFrom", "2026-09-01", "monitoring.departments", "true",
                "indicators.min.DEVELOPMENT", "3"));
        assertThat(r.rounds()).extracting(RoundSchedule::text).containsExactly("04-30>05-31", "07-31>08-31");
        assertThat(r.rounds().get(0).cutOff()).isEqualTo(MonthDay.of(4, 30));
        assertThat(r.levelOfGap(new BigDecimal("10.00"))).as("strictly more than").isEqualTo(AlertLevel.GREEN);
        assertThat(r.levelOfGap(new BigDecimal("10.01"))).isEqualTo(AlertLevel.YELLOW);
        assertThat(r.levelOfGap(new BigDecimal("48"))).isEqualTo(AlertLevel.RED);
        assertThat(r.levelOf(Finding.CANNOT_COMPLETE)).isEqualTo(AlertLevel.YELLOW);
        assertThat(r.levelOf(Finding.OVER_ESTIMATE)).as("unset").isEqualTo(AlertLevel.GREEN);
        assertThat(r.consequences().get(AlertLevel.RED)).containsExactly(Consequence.RECTIFY, Consequence.HOLD);
        assertThat(r.consequences().get(AlertLevel.BLUE)).isEmpty();
        assertThat(r.modeOn(LocalDate.of(2026, 8, 31))).isEqualTo(GateMode.WARN);
        assertThat(r.modeOn(LocalDate.of(2026, 9, 1))).isEqualTo(GateMode.ENFORCE);
        assertThat(r.departments()).isTrue();
        assertThat(r.exempt("50101")).as("no exempt classes set").isFalse();
        MonitoringRules exempt = RuleReader.monitoring("x", Map.of("monitoring.exemptEconomicClasses", "501, 509"));
        assertThat(exempt.exempt("50101")).isTrue();
        assertThat(exempt.exempt("50201")).isFalse();
        assertThat(exempt.exempt(null)).isFalse();
        assertThat(RuleReader.MONITORING_KEYS).contains("monitoring.gap.RED", "monitoring.level.OVER_ESTIMATE")
                .doesNotContain("monitoring.gap.GREEN", "monitoring.level.EXECUTION_GAP");
    }

    @Test
    void aValueThatCannotBeUsedNamesItsKey() {
        assertThatThrownBy(() -> RuleReader.monitoring("x", Map.of("monitoring.rounds", "08-31>07-31")))
                .hasMessageContaining("monitoring.rounds").hasMessageContaining("after");
        assertThatThrownBy(() -> RuleReader.monitoring("x", Map.of("monitoring.rounds", "July")))
                .hasMessageContaining("monitoring.rounds");
        assertThatThrownBy(() -> RuleReader.monitoring("x", Map.of("monitoring.gap.RED", "lots")))
                .hasMessageContaining("monitoring.gap.RED");
        assertThatThrownBy(() -> RuleReader.monitoring("x", Map.of("monitoring.gap.RED", "5",
                "monitoring.gap.YELLOW", "10"))).hasMessageContaining("monitoring.gap.RED");
        assertThatThrownBy(() -> RuleReader.monitoring("x", Map.of("monitoring.consequence.RED", "HOLD,JAIL")))
                .hasMessageContaining("JAIL");
        assertThatThrownBy(() -> RuleReader.monitoring("x", Map.of("monitoring.consequence.RED", "HOLD,STOP")))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> RuleReader.monitoring("x", Map.of("monitoring.mode", "MAYBE")))
                .hasMessageContaining("monitoring.mode");
        assertThatThrownBy(() -> RuleReader.monitoring("x", Map.of("monitoring.departments", "yes")))
                .hasMessageContaining("monitoring.departments");
        assertThatThrownBy(() -> RuleReader.monitoring("x", Map.of("monitoring.exemptEconomicClasses", "501,工资")))
                .hasMessageContaining("monitoring.exemptEconomicClasses");
    }
}
