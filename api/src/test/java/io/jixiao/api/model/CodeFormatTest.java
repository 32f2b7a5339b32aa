package io.jixiao.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The character scans accept exactly the languages of the documented regular expressions. */
class CodeFormatTest {
    private static final Map<CodeFormat, Pattern> DOCUMENTED = Map.of(
            CodeFormat.MOF_DIV_CODE, Pattern.compile("[0-9]{6,9}"),
            CodeFormat.AGENCY_CODE, Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,20}"),
            CodeFormat.PRO_CODE, Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,20}"),
            CodeFormat.BGT_ID, Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,37}"),
            CodeFormat.PAY_APP_NO, Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,41}"));

    /** Characters at and around every class boundary, plus non-ASCII digits and letters. */
    private static final String ALPHABET = "0189AZaz._-/:@[`{ \t/\u0660\u00e9\u4e2d\uff10";

    @Test
    void scansAgreeWithTheDocumentedExpressions() {
        Random random = new Random(20261128L);
        for (CodeFormat format : CodeFormat.values()) {
            Pattern pattern = DOCUMENTED.get(format);
            int accepted = 0;
            for (int i = 0; i < 200_000; i++) {
                int length = random.nextInt(46);
                StringBuilder value = new StringBuilder(length);
                // mostly characters of the format, so that long accepted values are generated too
                for (int k = 0; k < length; k++) {
                    value.append(random.nextInt(8) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                            : "0123456789abcXYZ._-".charAt(random.nextInt(format == CodeFormat.MOF_DIV_CODE ? 10 : 19)));
                }
                String v = value.toString();
                boolean expected = pattern.matcher(v).matches();
                assertThat(format.accepts(v)).as("%s '%s'", format, v).isEqualTo(expected);
                accepted += expected ? 1 : 0;
            }
            assertThat(accepted).as(format.name()).isGreaterThan(1_000);
        }
    }

    @Test
    void boundaries() {
        assertThat(CodeFormat.MOF_DIV_CODE.accepts("44010")).isFalse();
        assertThat(CodeFormat.MOF_DIV_CODE.accepts("440100")).isTrue();
        assertThat(CodeFormat.MOF_DIV_CODE.accepts("440100000")).isTrue();
        assertThat(CodeFormat.MOF_DIV_CODE.accepts("4401000001")).isFalse();
        assertThat(CodeFormat.MOF_DIV_CODE.accepts("44010a")).isFalse();
        assertThat(CodeFormat.PRO_CODE.accepts("")).isFalse();
        assertThat(CodeFormat.PRO_CODE.accepts("P")).isTrue();
        assertThat(CodeFormat.PRO_CODE.accepts("_P")).isFalse();
        assertThat(CodeFormat.PRO_CODE.accepts("P_1.2-3")).isTrue();
        assertThat(CodeFormat.PRO_CODE.accepts("P".repeat(21))).isTrue();
        assertThat(CodeFormat.PRO_CODE.accepts("P".repeat(22))).isFalse();
        assertThat(CodeFormat.PAY_APP_NO.accepts("\uff10\uff11")).isFalse();
    }
}
