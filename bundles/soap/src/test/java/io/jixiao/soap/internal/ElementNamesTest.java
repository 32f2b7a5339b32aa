package io.jixiao.soap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ElementNamesTest {

    @Test
    void aJsonListIsItsRepeatedElement() {
        assertThat(ElementNames.of("INDICATORS[2].WEIGHT")).isEqualTo("INDICATOR[2].WEIGHT");
        assertThat(ElementNames.of("LINES[0].AGENCY_CODE")).isEqualTo("LINE[0].AGENCY_CODE");
        assertThat(ElementNames.of("SCORES.RELEVANCE")).isEqualTo("SCORE.RELEVANCE");
        assertThat(ElementNames.of("OPINION_CODES")).isEqualTo("OPINION_CODE");
        assertThat(ElementNames.of("MOF_DIV_CODES[3]")).isEqualTo("SUBJECT_DIV_CODE[3]");
    }

    @Test
    void everyOtherFieldKeepsItsName() {
        assertThat(ElementNames.of("MOF_DIV_CODE")).isEqualTo("MOF_DIV_CODE");
        assertThat(ElementNames.of("INDICATOR[1].KPI_LV1")).isEqualTo("INDICATOR[1].KPI_LV1");
        assertThat(ElementNames.of("INDICATORS_MIN")).isEqualTo("INDICATORS_MIN");
        assertThat(ElementNames.of("")).isEqualTo("");
    }
}
