package io.jixiao.goals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalSubject;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.library.EntryStatus;
import io.jixiao.api.library.FileFormat;
import io.jixiao.api.library.ImportJob;
import io.jixiao.api.library.ImportProblem;
import io.jixiao.api.library.ImportStatus;
import io.jixiao.api.library.IndicatorKind;
import io.jixiao.api.library.LibraryEntry;
import io.jixiao.api.library.LibraryIndicator;
import io.jixiao.api.library.LibraryPage;
import io.jixiao.api.library.LibraryQuery;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.ConflictException;
import io.jixiao.api.model.ForbiddenException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Role;
import io.jixiao.api.model.Scope;
import io.jixiao.sheets.SheetLimits;
import io.jixiao.store.internal.Database;
import io.jixiao.store.internal.MyBatisLibrary;
import io.jixiao.store.internal.Repositories;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library on the real store: who keeps what, search, and imports that check before they write. */
class LibraryServiceTest {
    private static final MofDivCode GZ = MofDivCode.of("440100000");
    private static final Actor FINANCE = Actor.of("JIXIAO-UI", "li.finance", Role.FINANCE);
    private static final Actor EDUCATION = new Actor("DEPT-PORTAL", "chen.edu", EnumSet.of(Role.DEPARTMENT),
            new Scope(Set.of("440100000"), Set.of("118001")));
    private static final Actor UNIT = Actor.of("UNIT-PORTAL", "wang.unit", Role.UNIT);
    private static final String HEADER = "指标编码,指标类型,部门编码,一级指标,二级指标,三级指标,功能分类,计算符号,计量单位,指标值,评分标准,生效日期,失效日期,状态\n";

    @TempDir
    Path dir;
    private Repositories store;
    private MyBatisLibrary libraries;
    private LibraryService library;
    private GoalWorkflow goals;

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=Oracle;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Database.migrate(ds);
        var sessions = Database.sessions(ds, "");
        store = Repositories.over(sessions);
        // imports run on the calling thread, so that a test sees them finished
        libraries = Repositories.over(sessions).library();
        library = new LibraryService(libraries, Runnable::run, Clock.systemUTC(), SheetLimits.DEFAULT,
                Duration.ofSeconds(30));
        RuleBook book = Presets.book();
        goals = new GoalWorkflow(store.goals(), () -> book, Clock.systemUTC(), new LibraryReferences(libraries,
                region -> java.util.Optional.ofNullable(Presets.PARENTS.get(region.value())).map(MofDivCode::of)));
    }

    private static LibraryIndicator common(String code, Level2 level2, String name, String functionalClass) {
        return new LibraryIndicator(GZ, code, IndicatorKind.COMMON, null, level2, name, functionalClass,
                ComputeSign.GE, "个", "", "完成得满分", LocalDate.of(2026, 1, 1), null);
    }

    private static LibraryIndicator education(String code, String name) {
        return new LibraryIndicator(GZ, code, IndicatorKind.INDUSTRY, AgencyCode.of("118001"), Level2.QUANTITY, name,
                "20502", ComputeSign.GE, "所", "3", "", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 12, 31));
    }

    @Test
    void financeKeepsCommonIndicatorsAndADepartmentOnlyItsOwn() {
        LibraryEntry created = library.save(common("GX-001", Level2.QUANTITY, "培训人次", ""), FINANCE);
        assertThat(created.revision()).isEqualTo(1);
        LibraryEntry changed = library.save(common("GX-001", Level2.QUANTITY, "培训人次(人次)", ""), FINANCE);
        assertThat(changed.revision()).isEqualTo(2);

        assertThat(library.save(education("HY-EDU-1", "新建学校数"), EDUCATION).indicator().agencyCode().value())
                .isEqualTo("118001");
        assertThatThrownBy(() -> library.save(common("GX-002", Level2.COST, "成本", ""), EDUCATION))
                .isInstanceOf(ForbiddenException.class);
        LibraryIndicator otherDepartment = new LibraryIndicator(GZ, "HY-HEALTH-1", IndicatorKind.INDUSTRY,
                AgencyCode.of("120001"), Level2.QUALITY, "门诊满意", "", ComputeSign.GE, "%", "", "",
                LocalDate.of(2026, 1, 1), null);
        assertThatThrownBy(() -> library.save(otherDepartment, EDUCATION)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> library.save(common("GX-003", Level2.COST, "成本", ""), UNIT))
                .isInstanceOf(ForbiddenException.class);
        assertThat(library.retire(GZ, "GX-001", FINANCE).status()).isEqualTo(EntryStatus.RETIRED);
        assertThat(store.audit().findBySubject("LIBRARY", "GX-001", 10)).extracting(e -> e.action()).containsExactly(
                "LIBRARY_INDICATOR_CREATED", "LIBRARY_INDICATOR_CHANGED", "LIBRARY_INDICATOR_RETIRED");
    }

    @Test
    void anIndicatorUsedByAnApprovedGoalIsRetiredNotDeleted() {
        library.save(common("GX-SAT", Level2.SATISFACTION, "服务对象满意度", ""), FINANCE);
        library.save(common("GX-FREE", Level2.QUALITY, "验收合格率", ""), FINANCE);
        List<Indicator> indicators = new ArrayList<>(GoalRulesTest.goal(8, 8).indicators());
        Indicator first = indicators.get(0);
        indicators.set(3, new Indicator(Level2.SATISFACTION, "服务对象满意度", ComputeSign.GE, "90", "%",
                indicators.get(3).points(), "", "GX-SAT"));
        Actor unit = Actor.of("UNIT-PORTAL", "wang", Role.UNIT);
        GoalVersion draft = goals.draft(GoalRulesTest.project("440100000", ProjectClass.DEVELOPMENT, "100000", false,
                true, null), new Goal(GoalSubject.PROJECT, "年度目标", "", indicators), unit);
        assertThat(first).isNotNull();
        goals.submit(draft.goalId(), 1, unit);

        library.delete(GZ, "GX-SAT", FINANCE); // only a submitted goal uses it: still deletable
        library.save(common("GX-SAT", Level2.SATISFACTION, "服务对象满意度", ""), FINANCE);
        goals.approve(draft.goalId(), 1, FINANCE);

        assertThatThrownBy(() -> library.delete(GZ, "GX-SAT", FINANCE)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("retire");
        library.delete(GZ, "GX-FREE", FINANCE);
        assertThat(library.find(GZ, "GX-FREE", FINANCE)).isEmpty();
        assertThat(library.retire(GZ, "GX-SAT", FINANCE).status()).isEqualTo(EntryStatus.RETIRED);
    }

    private static Goal referencing(String libraryId, Level2 level2) {
        List<Indicator> indicators = new ArrayList<>(GoalRulesTest.goal(8, 8).indicators());
        Indicator was = indicators.get(0);
        indicators.set(0, new Indicator(level2, was.name(), was.sign(), was.target(), was.unit(), was.points(),
                was.standard(), libraryId));
        return new Goal(GoalSubject.PROJECT, "年度目标", "", indicators);
    }

    @Test
    void aGoalNamesOnlyOfferedLibraryIndicatorsOfItsCategoryFromItsRegionOrAbove() {
        library.save(common("GX-Q", Level2.QUANTITY, "培训人次", ""), FINANCE);
        library.save(common("GX-OLD", Level2.QUANTITY, "旧指标", ""), FINANCE);
        library.retire(GZ, "GX-OLD", FINANCE);
        Actor unit = Actor.of("UNIT-PORTAL", "wang", Role.UNIT);
        var guangzhou = GoalRulesTest.project("440100000", ProjectClass.DEVELOPMENT, "100000", false, true, null);
        var district = GoalRulesTest.project("440106000", ProjectClass.DEVELOPMENT, "100000", false, true, null);

        assertThat(goals.check(guangzhou, referencing("GX-Q", Level2.QUANTITY), unit).violations()).isEmpty();
        assertThat(goals.check(district, referencing("GX-Q", Level2.QUANTITY), unit).violations())
                .as("a district uses its city's library").isEmpty();
        assertThat(goals.check(guangzhou, referencing("GX-NONE", Level2.QUANTITY), unit).violations())
                .extracting(v -> v.code() + " " + v.field())
                .containsExactly("LIBRARY_INDICATOR_UNKNOWN INDICATORS[0].LIBRARY_ID");
        assertThat(goals.check(guangzhou, referencing("GX-OLD", Level2.QUANTITY), unit).violations())
                .extracting(v -> v.code()).containsExactly("LIBRARY_INDICATOR_RETIRED");
        assertThat(goals.check(guangzhou, referencing("GX-Q", Level2.QUALITY), unit).violations())
                .extracting(v -> v.code()).containsExactly("LIBRARY_INDICATOR_CATEGORY");
        GoalVersion draft = goals.draft(guangzhou, referencing("GX-NONE", Level2.QUANTITY), unit);
        assertThatThrownBy(() -> goals.submit(draft.goalId(), 1, unit))
                .isInstanceOf(io.jixiao.api.goal.RulesViolatedException.class);
    }

    @Test
    void searchFiltersByCategoryKeywordDepartmentAndFunctionalClassAPageAtATime() {
        library.save(common("GX-001", Level2.QUANTITY, "培训人次", ""), FINANCE);
        library.save(common("GX-002", Level2.SATISFACTION, "培训对象满意度", "205"), FINANCE);
        library.save(common("GX-003", Level2.COST, "人均培训成本_元", "208"), FINANCE);
        library.save(education("HY-EDU-1", "新建学校数"), EDUCATION);
        library.save(education("HY-EDU-2", "新增学位数"), EDUCATION);

        LibraryPage training = library.search(query(null, null, null, "培训", 10), UNIT);
        assertThat(training.entries()).extracting(e -> e.indicator().code()).containsExactly("GX-001", "GX-002",
                "GX-003");
        assertThat(library.search(query(null, null, null, "_", 10), UNIT).entries()).as("a literal underscore")
                .extracting(e -> e.indicator().code()).containsExactly("GX-003");
        assertThat(library.search(query(Level2.SATISFACTION, null, null, null, 10), UNIT).total()).isEqualTo(1);
        assertThat(library.search(query(null, "118001", null, null, 10), UNIT).total()).isEqualTo(2);
        assertThat(library.search(query(null, null, "2050", null, 10), UNIT).entries())
                .as("under 2050, and those for every class").extracting(e -> e.indicator().code())
                .containsExactly("GX-001", "HY-EDU-1", "HY-EDU-2");

        LibraryPage first = library.search(query(null, null, null, null, 2), UNIT);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.nextAfter()).isEqualTo("GX-002");
        LibraryPage second = library.search(query(null, null, null, null, 2).after(first.nextAfter()), UNIT);
        assertThat(second.entries()).extracting(e -> e.indicator().code()).containsExactly("GX-003", "HY-EDU-1");
        assertThatThrownBy(() -> library.search(query(null, null, null, null, 2), Actor.of("P", "p", Role.PUBLIC)))
                .isInstanceOf(ForbiddenException.class);
    }

    private static LibraryQuery query(Level2 level2, String agency, String functional, String keyword, int limit) {
        return new LibraryQuery(GZ, null, null, level2, agency == null ? null : AgencyCode.of(agency), functional,
                keyword, null, null, limit);
    }

    private ImportJob importCsv(String name, String content, Actor actor) throws Exception {
        Path file = dir.resolve(UUID.randomUUID() + ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        long id = library.startImport(GZ, name, file, StandardCharsets.UTF_8, actor).jobId();
        assertThat(file).as("the service deletes the upload").doesNotExist();
        return library.importJob(id, actor).orElseThrow();
    }

    @Test
    void anImportReportsBadRowsWritesGoodOnesAndChangesNothingTheSecondTime() throws Exception {
        String file = HEADER
                + "GX-101,共性指标,,产出指标,数量指标,培训人次,,1,人次,500,,2026-01-01,,在用\n"
                + "GX-102,共性指标,,产出指标,质量指标,培训合格率,,1,%,95,,2026/1/1,,\n"
                + "GX-103,共性指标,,效益指标,数量指标,错的一级,,1,,,,2026-01-01,,\n"
                + "GX-104,共性指标,,产出指标,成本指标,,,9,,,,2026-13-01,,\n"
                + "GX-101,共性指标,,产出指标,数量指标,重复,,1,,,,2026-01-01,,\n"
                + "HY-EDU-9,行业核心指标,118001,产出指标,数量指标,新建学校数,20502,≥,所,3,,2026-01-01,2028-12-31,在用\n";

        ImportJob first = importCsv("指标库.csv", file, FINANCE);

        assertThat(first.status()).isEqualTo(ImportStatus.DONE);
        assertThat(first.format()).isEqualTo(FileFormat.CSV);
        assertThat(first.rowsRead()).isEqualTo(6);
        assertThat(first.inserted()).isEqualTo(3);
        assertThat(first.rejected()).isEqualTo(3);
        List<ImportProblem> problems = library.problems(first.jobId(), 0, 100, FINANCE);
        assertThat(problems).extracting(ImportProblem::row).containsExactly(4, 5, 5, 6);
        assertThat(problems.get(0).column()).isEqualTo("一级指标");
        assertThat(problems).extracting(ImportProblem::column).contains("计算符号", "生效日期");
        assertThat(problems.get(3).reason()).contains("first at row 2");
        assertThat(library.find(GZ, "GX-102", UNIT).orElseThrow().indicator().validFrom())
                .isEqualTo(LocalDate.of(2026, 1, 1));

        ImportJob again = importCsv("指标库.csv", file, FINANCE);
        assertThat(again.inserted() + again.updated()).as("the same file changes nothing").isZero();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(library.find(GZ, "GX-101", UNIT).orElseThrow().revision()).isEqualTo(1);

        ImportJob changed = importCsv("指标库-修订.csv", file.replace("培训人次,,1,人次,500", "培训人次,,1,人次,600"),
                FINANCE);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(library.find(GZ, "GX-101", UNIT).orElseThrow().indicator().target()).isEqualTo("600");
        assertThat(store.audit().findBySubject("LIBRARY_IMPORT", Long.toString(changed.jobId()),
                5)).extracting(e -> e.action())
                .containsExactly("LIBRARY_IMPORTED");
    }

    /** A clock some time ahead of the real one, as a node whose time has moved on. */
    private static final class Ahead extends Clock {
        volatile Duration by = Duration.ZERO;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(by);
        }
    }

    @Test
    void anImportLeftByAStoppedNodeIsFailedByAnyNodeOnceItsHeartbeatIsALeaseLateAndNotBefore() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        Ahead clockA = new Ahead();
        Ahead clockB = new Ahead();
        LibraryService nodeA = new LibraryService(libraries, queued::add, clockA, SheetLimits.DEFAULT,
                Duration.ofSeconds(30));
        LibraryService nodeB = new LibraryService(libraries, Runnable::run, clockB, SheetLimits.DEFAULT,
                Duration.ofSeconds(30));
        Path file = dir.resolve("queued.csv");
        Files.writeString(file, HEADER + "GX-501,共性指标,,产出指标,数量指标,培训人次,,1,人次,500,,2026-01-01,,在用\n",
                StandardCharsets.UTF_8);
        long id = nodeA.startImport(GZ, "queued.csv", file, StandardCharsets.UTF_8, FINANCE).jobId();
        assertThat(queued).as("accepted, waiting for node A's import thread").hasSize(1);

        clockB.by = Duration.ofSeconds(20);
        nodeB.failAbandoned();
        assertThat(nodeA.importJob(id, FINANCE).orElseThrow().status()).as("20 s: within the lease")
                .isEqualTo(ImportStatus.CHECKING);
        clockA.by = Duration.ofSeconds(25);
        nodeA.heartbeat();
        clockB.by = Duration.ofSeconds(50);
        nodeB.failAbandoned();
        assertThat(nodeA.importJob(id, FINANCE).orElseThrow().status()).as("node A's heartbeat at 25 s")
                .isEqualTo(ImportStatus.CHECKING);
        clockA.by = Duration.ofSeconds(100);
        nodeA.failAbandoned();
        assertThat(nodeA.importJob(id, FINANCE).orElseThrow().status()).as("a node never fails its own")
                .isEqualTo(ImportStatus.CHECKING);

        clockB.by = Duration.ofSeconds(60);
        nodeB.failAbandoned();
        ImportJob failed = nodeB.importJob(id, FINANCE).orElseThrow();
        assertThat(failed.status()).as("node A's heartbeat 35 s late").isEqualTo(ImportStatus.FAILED);
        assertThat(failed.message()).contains("stopped with its node", "import the file again");

        queued.get(0).run(); // node A's thread comes back after all: it finds the import ended and writes nothing
        assertThat(nodeA.importJob(id, FINANCE).orElseThrow().status()).isEqualTo(ImportStatus.FAILED);
        assertThat(library.find(GZ, "GX-501", FINANCE)).isEmpty();
        assertThat(file).as("the upload is deleted all the same").doesNotExist();
        assertThat(store.audit().findBySubject("LIBRARY_IMPORT", Long.toString(id), 5)).extracting(e -> e.action())
                .containsExactly("LIBRARY_IMPORT_FAILED");
    }

    @Test
    void aDepartmentImportsOnlyItsOwnIndustryRows() throws Exception {
        ImportJob job = importCsv("教育局.csv", HEADER
                + "HY-EDU-7,行业核心指标,118001,,数量指标,新增学位数,20502,1,个,1000,,2026-01-01,,\n"
                + "GX-900,共性指标,,,数量指标,培训人次,,1,,,,2026-01-01,,\n", EDUCATION);

        assertThat(job.inserted()).isEqualTo(1);
        assertThat(job.rejected()).isEqualTo(1);
        assertThat(library.find(GZ, "GX-900", FINANCE)).isEmpty();
        assertThatThrownBy(() -> importCsv("x.csv", HEADER, UNIT)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void aFileRefusedAsAWholeWritesNothing() throws Exception {
        ImportJob wrong = importCsv("wrong.csv", "编码,名称\nGX-1,培训人次\n", FINANCE);
        assertThat(wrong.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(wrong.message()).startsWith("WRONG_COLUMNS");
        ImportProblem header = library.problems(wrong.jobId(), -1, 10, FINANCE).get(0);
        assertThat(header.row()).as("the header row").isEqualTo(1);
        assertThat(header.column()).isEqualTo("编码");

        ImportJob formula = importCsv("formula.csv", HEADER
                + "GX-1,共性指标,,,数量指标,培训人次,,1,,,,2026-01-01,,\n"
                + "GX-2,共性指标,,,数量指标,=1+1,,1,,,,2026-01-01,,\n", FINANCE);
        assertThat(formula.status()).isEqualTo(ImportStatus.REJECTED);
        assertThat(formula.message()).startsWith("FORMULA");
        assertThat(library.find(GZ, "GX-1", FINANCE)).as("not even the good first row").isEmpty();
    }

    @Test
    void anExportImportsBackUnchanged() throws Exception {
        library.save(common("GX-001", Level2.QUANTITY, "培训人次", ""), FINANCE);
        library.save(education("HY-EDU-1", "新建学校数"), EDUCATION);
        library.retire(GZ, "GX-001", FINANCE);

        for (FileFormat format : FileFormat.values()) {
            Path file = dir.resolve("export-" + format);
            try (OutputStream out = Files.newOutputStream(file)) {
                library.export(LibraryQuery.all(GZ, 1), format, out, UNIT);
            }
            long id = library.startImport(GZ, "export." + format, file, StandardCharsets.UTF_8, FINANCE).jobId();
            ImportJob back = library.importJob(id, FINANCE).orElseThrow();
            assertThat(back.format()).isEqualTo(format);
            assertThat(back.status()).as(library.problems(id, 0, 10, FINANCE).toString()).isEqualTo(ImportStatus.DONE);
            assertThat(back.unchanged()).as(format + " round trip").isEqualTo(2);
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        library.export(LibraryQuery.all(GZ, 1), FileFormat.CSV, csv, UNIT);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("共性指标", "停用", "新建学校数");
        assertThat(csv.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("GX-001,") || line.startsWith("HY-EDU-1,") || line.contains(",GX-001,")
                        || line.contains(",HY-EDU-1,")))
                .as("one row per indicator, the retired one included").hasSize(2);
    }
}
