package io.jixiao.goals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.library.FileFormat;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Role;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.Repositories;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The declaration form 项目支出绩效目标申报表: a goal written as a form imports back to the same goal. */
class GoalFormsTest {
    private static final Actor UNIT = Actor.of("UNIT-PORTAL", "wang.unit", Role.UNIT);
    private static final MofDivCode GZ = MofDivCode.of("440100000");

    @TempDir
    Path dir;
    private GoalWorkflow goals;
    private Repositories store;
    private GoalForms forms;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        store = Repositories.over(Database.sessions(ds, ""));
        RuleBook book = Presets.book();
        goals = new GoalWorkflow(store.goals(), () -> book, Clock.systemUTC());
        forms = new GoalForms(goals);
    }

    @Test
    void aGoalExportedAsAFormImportsBackToTheSameGoalInEitherFormat() throws Exception {
        ProjectFacts project = GoalRulesTest.project("440100000", ProjectClass.DEVELOPMENT, "2000000.50", false, true,
                "1800000");
        GoalVersion original = goals.draft(project, GoalRulesTest.goal(8, 6), UNIT);

        for (FileFormat format : FileFormat.values()) {
            Path file = dir.resolve("form-" + format);
            try (OutputStream out = Files.newOutputStream(file)) {
                forms.exportForm(original.goalId(), 1, format, out, UNIT);
            }
            GoalVersion imported = forms.importForm(file, StandardCharsets.UTF_8, GZ, UNIT);
            assertThat(imported.goalId()).isNotEqualTo(original.goalId());
            assertThat(imported.project()).isEqualTo(original.project());
            assertThat(imported.goal()).as(format.name()).isEqualTo(original.goal());
            assertThat(file).as("the service deletes the upload").doesNotExist();
        }
    }

    @Test
    void aBadFormNamesEveryBrokenRowAndDraftsNothing() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, String.join("\n", GoalForms.TITLE, "财政区划,440100000", "预算年度,2026",
                "单位编码,101001", "项目编码,P-FORM", "项目类别,经济和社会发展类", "项目级次,一级项目", "预算类型,一般公共预算",
                "项目属性,新增", "资金性质,每年", "年度资金总额(元),-5", "年度绩效目标,目标", "备注,x",
                String.join(",", GoalForms.TABLE), "产出指标,数量指标,新建学校数,1,3,所,90,,",
                "效益指标,数量指标,错的一级,9,3,所,abc,,") + "\n");

        assertThatThrownBy(() -> forms.importForm(file, StandardCharsets.UTF_8, GZ, UNIT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("ROW 13 备注", "ROW 10 资金性质",
                                "ROW 11 年度资金总额(元)", "ROW 16 一级指标", "ROW 16 计算符号", "ROW 16 分值"));
        assertThat(store.audit().findBySubject("GOAL", "1/1", 5)).as("nothing drafted").isEmpty();

        Path other = dir.resolve("other.csv");
        Files.writeString(other, "x\n");
        assertThatThrownBy(() -> forms.importForm(other, StandardCharsets.UTF_8, GZ, UNIT))
                .isInstanceOf(InvalidInputException.class);
    }
}
