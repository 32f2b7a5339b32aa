package io.jixiao.goals.internal;

import io.jixiao.api.goal.BudgetKind;
import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Goal;
import io.jixiao.api.goal.GoalService;
import io.jixiao.api.goal.GoalSubject;
import io.jixiao.api.goal.GoalVersion;
import io.jixiao.api.goal.Indicator;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.goal.ProjectClass;
import io.jixiao.api.goal.ProjectFacts;
import io.jixiao.api.goal.ProjectLevel;
import io.jixiao.api.library.FileFormat;
import io.jixiao.api.library.GoalFormService;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.NotFoundException;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violation;
import io.jixiao.sheets.SheetFormat;
import io.jixiao.sheets.SheetLimits;
import io.jixiao.sheets.SheetReader;
import io.jixiao.sheets.SheetRejectedException;
import io.jixiao.sheets.SheetRow;
import io.jixiao.sheets.SheetWriter;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The standard declaration form 项目支出绩效目标申报表 as a sheet: a title row, one labelled row per project fact and
 * goal text (label in the first column, value in the second), then the indicator table under its header row.
 * Reading is strict — every row's problems are reported at once and nothing is drafted from a form with any.
 */
@Component(service = GoalFormService.class, immediate = true)
public final class GoalForms implements GoalFormService {
    static final String TITLE = "项目支出绩效目标申报表";
    /** The labelled rows, in form order. */
    static final List<String> LABELS = List.of("财政区划", "预算年度", "单位编码", "项目编码", "项目类别", "项目级次",
            "预算类型", "项目属性", "资金性质", "年度资金总额(元)", "上年资金(元)", "目标类型", "年度绩效目标",
            "中期绩效目标");
    static final List<String> TABLE = List.of("一级指标", "二级指标", "三级指标", "计算符号", "指标值", "计量单位", "分值",
            "评分标准", "指标库编码");
    /** A form is one project: a few hundred rows at most. */
    static final SheetLimits LIMITS = new SheetLimits(4L << 20, 64L << 20, 200, 100, 1_000, 20, 4_000);

    private static final Map<ProjectClass, String> CLASSES = Map.of(ProjectClass.RUNNING_GUARANTEE, "运行保障类",
            ProjectClass.DEVELOPMENT, "经济和社会发展类");
    private static final Map<ProjectLevel, String> LEVELS = Map.of(ProjectLevel.FIRST, "一级项目", ProjectLevel.SECOND,
            "二级项目");
    private static final Map<BudgetKind, String> BUDGETS = Map.of(BudgetKind.GENERAL_PUBLIC, "一般公共预算",
            BudgetKind.GOVERNMENT_FUND, "政府性基金预算", BudgetKind.STATE_CAPITAL_OPERATION, "国有资本经营预算",
            BudgetKind.SOCIAL_INSURANCE_FUND, "社会保险基金预算");
    private static final Map<GoalSubject, String> SUBJECTS = Map.of(GoalSubject.PROJECT, "项目", GoalSubject.POLICY,
            "政策", GoalSubject.DEPARTMENT, "部门整体");

    private final GoalService goals;

    @Activate
    public GoalForms(@Reference GoalService goals) {
        this.goals = goals;
    }

    @Override
    public GoalVersion importForm(Path file, Charset csvCharset, MofDivCode region, Actor actor) {
        List<SheetRow> rows = new ArrayList<>();
        try {
            SheetReader.read(file, csvCharset, LIMITS, rows::add);
        } catch (SheetRejectedException e) {
            throw InvalidInputException.of("FILE", e.reason().name(), e.getMessage());
        } finally {
            LibraryService.deleteQuietly(file);
        }
        Parsed parsed = parse(rows);
        if (!parsed.problems.isEmpty()) {
            throw new InvalidInputException(parsed.problems);
        }
        if (region == null || !parsed.project.mofDivCode().equals(region)) {
            throw InvalidInputException.of(MofDivCode.FIELD, "form", "the form declares region "
                    + parsed.project.mofDivCode() + ", not " + region);
        }
        return goals.draft(parsed.project, parsed.goal, actor);
    }

    @Override
    public void exportForm(long goalId, int version, FileFormat format, OutputStream out, Actor actor) {
        GoalVersion v = goals.find(goalId, version, actor)
                .orElseThrow(() -> new NotFoundException("no goal " + goalId + " version " + version));
        ProjectFacts p = v.project();
        try (SheetWriter w = SheetWriter.of(format == FileFormat.XLSX ? SheetFormat.XLSX : SheetFormat.CSV, out,
                "绩效目标申报表")) {
            w.row(TITLE);
            List<Object> values = Arrays.asList(p.mofDivCode().value(), (long) p.fiscalYear().value(),
                    p.agencyCode().value(), p.proCode().value(), CLASSES.get(p.projectClass()), LEVELS.get(p.level()),
                    BUDGETS.get(p.budget()), p.newProject() ? "新增" : "延续", p.recurring() ? "经常性" : "一次性",
                    p.amount().yuan(), p.previousYearAmount() == null ? null : p.previousYearAmount().yuan(),
                    SUBJECTS.get(v.goal().subject()), v.goal().annualOverview(), v.goal().midTermOverview());
            for (int i = 0; i < LABELS.size(); i++) {
                w.row(LABELS.get(i), values.get(i));
            }
            w.row(new ArrayList<>(TABLE));
            for (Indicator k : v.goal().indicators()) {
                w.row(k.level1().chinese(), k.level2().chinese(), k.name(), (long) k.sign().code(), k.target(), k.unit(),
                        k.points(), k.standard(), k.libraryId());
            }
        }
    }

    private static final class Parsed {
        ProjectFacts project;
        Goal goal;
        final List<Violation> problems = new ArrayList<>();

        void problem(int row, String column, String message) {
            problems.add(new Violation((row > 0 ? "ROW " + row + " " : "") + column, "form", message));
        }
    }

    private static Parsed parse(List<SheetRow> rows) {
        Parsed out = new Parsed();
        Map<String, SheetRow> labelled = new LinkedHashMap<>();
        int table = -1;
        for (int i = 0; i < rows.size(); i++) {
            String label = rows.get(i).cell(0).strip();
            if (label.equals(TITLE)) {
                continue;
            }
            if (label.equals(TABLE.get(0))) {
                table = i;
                break;
            }
            if (!LABELS.contains(label)) {
                out.problem(rows.get(i).number(), label, "not a row of the form; the rows are " + LABELS);
            } else if (labelled.put(label, rows.get(i)) != null) {
                out.problem(rows.get(i).number(), label, "given twice");
            }
        }
        Map<String, String> v = new HashMap<>();
        labelled.forEach((label, row) -> v.put(label, row.cell(1).strip()));
        MofDivCode region = value(out, labelled, "财政区划", MofDivCode::of);
        FiscalYear year = value(out, labelled, "预算年度", raw -> FiscalYear.of(Integer.parseInt(raw)));
        AgencyCode agency = value(out, labelled, "单位编码", AgencyCode::of);
        ProCode project = value(out, labelled, "项目编码", ProCode::of);
        ProjectClass type = value(out, labelled, "项目类别", raw -> key(CLASSES, raw));
        ProjectLevel level = value(out, labelled, "项目级次", raw -> key(LEVELS, raw));
        BudgetKind budget = value(out, labelled, "预算类型", raw -> key(BUDGETS, raw));
        Boolean newProject = value(out, labelled, "项目属性", raw -> key(Map.of(true, "新增", false, "延续"), raw));
        Boolean recurring = value(out, labelled, "资金性质", raw -> key(Map.of(true, "经常性", false, "一次性"), raw));
        Money amount = value(out, labelled, "年度资金总额(元)", raw -> Money.positive("AMOUNT", new BigDecimal(raw)));
        Money last = v.getOrDefault("上年资金(元)", "").isEmpty() ? null
                : value(out, labelled, "上年资金(元)", raw -> Money.positive("PREV_AMOUNT", new BigDecimal(raw)));
        GoalSubject subject = v.getOrDefault("目标类型", "").isEmpty() ? GoalSubject.PROJECT
                : value(out, labelled, "目标类型", raw -> key(SUBJECTS, raw));
        if (table < 0) {
            out.problem(0, "一级指标", "the indicator table's header row (" + TABLE + ") is missing");
        } else if (!rows.get(table).cells().subList(0, Math.min(TABLE.size(), rows.get(table).cells().size()))
                .stream().map(String::strip).toList().equals(TABLE.subList(0, Math.min(TABLE.size(),
                        rows.get(table).cells().size())))
                || rows.get(table).cells().size() < TABLE.size() - 2) {
            out.problem(rows.get(table).number(), "一级指标", "the indicator table's columns are " + TABLE);
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int i = table + 1; table >= 0 && i < rows.size(); i++) {
            indicator(out, rows.get(i), indicators);
        }
        if (!out.problems.isEmpty()) {
            return out;
        }
        try {
            out.project = new ProjectFacts(region, year, agency, project, type, level, budget, amount, newProject,
                    recurring, last);
            out.goal = new Goal(subject, v.getOrDefault("年度绩效目标", ""), v.getOrDefault("中期绩效目标", ""), indicators);
        } catch (RuntimeException e) {
            out.problem(0, "FORM", e.getMessage());
        }
        return out;
    }

    private static void indicator(Parsed out, SheetRow row, List<Indicator> indicators) {
        int before = out.problems.size();
        Level2 level2 = null;
        for (Level2 l : Level2.values()) {
            if (l.chinese().equals(row.cell(1).strip()) || l.name().equals(row.cell(1).strip())) {
                level2 = l;
            }
        }
        if (level2 == null) {
            out.problem(row.number(), "二级指标", "'" + row.cell(1) + "' is not a level-2 category");
        } else if (!row.cell(0).isBlank() && !row.cell(0).strip().equals(level2.level1().chinese())
                && !row.cell(0).strip().equals(level2.level1().name())) {
            out.problem(row.number(), "一级指标", "'" + row.cell(0) + "' is not the level-1 category of "
                    + level2.chinese());
        }
        ComputeSign sign = null;
        for (ComputeSign s : ComputeSign.values()) {
            if (row.cell(3).strip().equals(Integer.toString(s.code())) || row.cell(3).strip().equals(s.symbol())) {
                sign = s;
            }
        }
        if (sign == null) {
            out.problem(row.number(), "计算符号", "'" + row.cell(3) + "' is not 1 to 6");
        }
        BigDecimal points = null;
        try {
            points = new BigDecimal(row.cell(6).strip());
        } catch (NumberFormatException e) {
            out.problem(row.number(), "分值", "'" + row.cell(6) + "' is not a number");
        }
        if (row.cell(2).isBlank()) {
            out.problem(row.number(), "三级指标", "is required");
        }
        if (out.problems.size() > before) {
            return;
        }
        try {
            indicators.add(new Indicator(level2, row.cell(2).strip(), sign, row.cell(4).strip(), row.cell(5).strip(),
                    points, row.cell(7).strip(), row.cell(8).isBlank() ? null : row.cell(8).strip()));
        } catch (RuntimeException e) {
            out.problem(row.number(), "三级指标", e.getMessage());
        }
    }

    private static <T> T value(Parsed out, Map<String, SheetRow> labelled, String label,
            java.util.function.Function<String, T> parse) {
        SheetRow row = labelled.get(label);
        String raw = row == null ? "" : row.cell(1).strip();
        if (raw.isEmpty()) {
            out.problem(row == null ? 0 : row.number(), label, "is required");
            return null;
        }
        try {
            T value = parse.apply(raw);
            if (value == null) {
                throw new IllegalArgumentException("'" + raw + "' is not a value of this row");
            }
            return value;
        } catch (RuntimeException e) {
            out.problem(row.number(), label, e instanceof NumberFormatException ? "'" + raw + "' is not a number"
                    : e.getMessage());
            return null;
        }
    }

    private static <K> K key(Map<K, String> names, String raw) {
        for (Map.Entry<K, String> e : names.entrySet()) {
            if (e.getValue().equals(raw) || e.getKey().toString().equals(raw)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("'" + raw + "' is not one of " + names.values());
    }
}
