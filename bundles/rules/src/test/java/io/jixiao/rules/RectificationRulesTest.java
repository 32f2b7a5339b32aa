package io.jixiao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.evaluation.Grade;
import io.jixiao.api.goal.GateMode;
import io.jixiao.api.rectification.CaseOrigin;
import io.jixiao.api.rectification.RectificationRules;
import io.jixiao.api.service.HoldKind;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RectificationRulesTest {

    @Test
    void absentKeysTakeTheDefaultsAndStrictControlIsOff() {
        RectificationRules r = RuleReader.rectification("national#1", Map.of());
        assertThat(r.deadline(CaseOrigin.ALERT, LocalDate.of(2026, 9, 1))).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(r.grades()).containsExactlyInAnyOrder(Grade.FAIR, Grade.POOR);
        assertThat(r.strictModeOn(LocalDate.of(2026, 9, 1))).isEqualTo(GateMode.OFF);
        assertThat(r.strictHold()).isNull();
        assertThat(r.letterClosing()).contains("{deadline}");
    }

    @Test
    void aRegionSetsItsDeadlinesStrictControlAndWording() {
        RectificationRules r = RuleReader.rectification("140400000/2020#2", Map.of(
                "rectification.deadlineDays.EVALUATION", "30", "rectification.grades", "POOR",
                "rectification.strictControl.mode", "WARN", "rectification.strictControl.enforceFrom", "2027-01-01",
                "rectification.strictControl.hold", "SUSPEND", "rectification.strictControl.article", "第三十二条",
                "rectification.letter.title", "绩效评价结果反馈函"));
        assertThat(r.deadline(CaseOrigin.EVALUATION, LocalDate.of(2026, 9, 1))).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(r.grades()).containsExactly(Grade.POOR);
        assertThat(r.strictModeOn(LocalDate.of(2026, 12, 31))).isEqualTo(GateMode.WARN);
        assertThat(r.strictModeOn(LocalDate.of(2027, 1, 1))).as("from its date").isEqualTo(GateMode.ENFORCE);
        assertThat(r.strictHold()).isEqualTo(HoldKind.SUSPEND);
        assertThat(r.article()).isEqualTo("第三十二条");
        assertThat(r.letterTitle()).isEqualTo("绩效评价结果反馈函");
        assertThat(RuleReader.rectification("x", Map.of("rectification.strictControl.hold", "NONE")).strictHold())
                .isNull();
    }

    @Test
    void aValueThatCannotBeUsedIsRefusedNamingItsKey() {
        assertThatThrownBy(() -> RuleReader.check("x#1", Map.of("rectification.deadlineDays.ALERT", "0")))
                .hasMessageContaining("rectification.deadlineDays.ALERT");
        assertThatThrownBy(() -> RuleReader.check("x#1", Map.of("rectification.grades", "中")))
                .hasMessageContaining("rectification.grades");
        assertThatThrownBy(() -> RuleReader.check("x#1", Map.of("rectification.strictControl.hold", "FREEZE")))
                .hasMessageContaining("rectification.strictControl.hold");
        assertThatThrownBy(() -> RuleReader.check("x#1", Map.of("rectification.strictControl.enforceFrom", "soon")))
                .hasMessageContaining("rectification.strictControl.enforceFrom");
        assertThat(RuleReader.KEYS).containsAll(RuleReader.RECTIFICATION_KEYS)
                .contains("rectification.deadlineDays.MANUAL", "rectification.letter.closing");
    }
}
