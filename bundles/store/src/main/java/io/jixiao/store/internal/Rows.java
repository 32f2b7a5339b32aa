package io.jixiao.store.internal;

import io.jixiao.api.hook.ExpenditureKind;
import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.model.Actor;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.FiscalYear;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Money;
import io.jixiao.api.model.PayAppNo;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Reason;
import io.jixiao.api.model.Role;
import io.jixiao.api.service.AuditRecord;
import io.jixiao.api.service.Hold;
import io.jixiao.api.service.HoldKind;
import io.jixiao.api.service.HoldStatus;
import io.jixiao.api.service.HoldTarget;
import io.jixiao.store.AuditEntry;
import io.jixiao.store.DecisionRecord;
import io.jixiao.store.internal.mapper.AuditRow;
import io.jixiao.store.internal.mapper.DecisionRow;
import io.jixiao.store.internal.mapper.HoldRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/** Converts between the model and the column images. */
final class Rows {
    private Rows() {
    }

    /**
     * @param e a failed statement
     * @return whether it failed on a unique or primary key (SQLSTATE class 23: H2, PostgreSQL and Oracle alike)
     */
    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    static String roles(Actor actor) {
        return actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Actor actor(String caller, String operator, String roles) {
        EnumSet<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf)
                .forEach(set::add);
        return new Actor(caller, operator, set);
    }

    static HoldRow holdRow(Hold hold) {
        HoldRow row = new HoldRow();
        HoldTarget target = hold.target();
        row.holdId = hold.holdId();
        row.mofDivCode = target.mofDivCode().value();
        row.targetType = target.type().name();
        row.proCode = target.proCode() == null ? null : target.proCode().value();
        row.bgtId = target.bgtId() == null ? null : target.bgtId().value();
        row.holdKind = hold.kind().name();
        row.reason = hold.reason().text();
        row.status = hold.status().name();
        row.placedCaller = hold.placedBy().callerSystem();
        row.placedOperator = hold.placedBy().operator();
        row.placedRoles = roles(hold.placedBy());
        row.placedAt = hold.placedAt();
        return row;
    }

    static HoldRow releaseRow(long holdId, Hold.Release release) {
        HoldRow row = new HoldRow();
        row.holdId = holdId;
        row.releasedCaller = release.releasedBy().callerSystem();
        row.releasedOperator = release.releasedBy().operator();
        row.releasedRoles = roles(release.releasedBy());
        row.releasedAt = release.releasedAt();
        row.releaseReason = release.reason().text();
        return row;
    }

    static Hold hold(HoldRow row) {
        MofDivCode region = MofDivCode.of(row.mofDivCode);
        HoldTarget target = HoldTarget.Type.valueOf(row.targetType) == HoldTarget.Type.PROJECT
                ? HoldTarget.project(region, ProCode.of(row.proCode))
                : HoldTarget.budgetLine(region, BgtId.of(row.bgtId));
        HoldStatus status = HoldStatus.valueOf(row.status);
        Hold.Release release = status == HoldStatus.RELEASED
                ? new Hold.Release(actor(row.releasedCaller, row.releasedOperator, row.releasedRoles), row.releasedAt,
                        Reason.of(row.releaseReason))
                : null;
        return new Hold(row.holdId, target, HoldKind.valueOf(row.holdKind), Reason.of(row.reason), status,
                actor(row.placedCaller, row.placedOperator, row.placedRoles), row.placedAt, release);
    }

    static AuditRow auditRow(AuditEntry entry) {
        AuditRow row = new AuditRow();
        row.occurredAt = entry.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        row.action = entry.action();
        row.mofDivCode = entry.mofDivCode().value();
        row.subjectType = entry.subjectType();
        row.subjectId = entry.subjectId();
        row.caller = entry.actor().callerSystem();
        row.operator = entry.actor().operator();
        row.roles = roles(entry.actor());
        row.reason = entry.reason();
        row.detail = entry.detail();
        row.agencyCode = entry.agencyCode() == null ? null : entry.agencyCode().value();
        row.proCode = entry.proCode() == null ? null : entry.proCode().value();
        return row;
    }

    static AuditEntry auditEntry(AuditRow row) {
        return new AuditEntry(row.occurredAt, row.action, MofDivCode.of(row.mofDivCode), row.subjectType,
                row.subjectId, actor(row.caller, row.operator, row.roles), row.reason, row.detail,
                row.agencyCode == null ? null : AgencyCode.of(row.agencyCode),
                row.proCode == null ? null : ProCode.of(row.proCode));
    }

    static AuditRecord auditRecord(AuditRow row) {
        return new AuditRecord(row.auditId, row.occurredAt, row.action, row.mofDivCode, row.agencyCode, row.proCode,
                row.subjectType, row.subjectId, row.caller, row.operator, row.roles, row.reason,
                row.detail == null ? "" : row.detail, row.chainSeq == null ? 0 : row.chainSeq, row.prevHash,
                row.rowHash);
    }

    static DecisionRow decisionRow(DecisionRecord record) {
        PaymentApplication app = record.application();
        PaymentDecision decision = record.decision();
        DecisionRow row = new DecisionRow();
        row.mofDivCode = app.mofDivCode().value();
        row.fiscalYear = app.fiscalYear().value();
        row.payAppNo = app.payAppNo().value();
        row.agencyCode = app.agencyCode().value();
        row.proCode = app.proCode() == null ? null : app.proCode().value();
        row.bgtId = app.bgtId().value();
        row.payAppAmt = app.amount().yuan();
        row.expKind = app.kind().name();
        row.outcome = decision.outcome().name();
        row.reasonCode = decision.reasonCode().name();
        row.holdId = decision.holdId();
        row.holdKind = decision.holdKind() == null ? null : decision.holdKind().name();
        row.holdReason = decision.holdReason();
        row.caller = record.actor().callerSystem();
        row.operator = record.actor().operator();
        row.roles = roles(record.actor());
        row.decidedAt = record.decidedAt();
        return row;
    }

    static DecisionRecord decisionRecord(DecisionRow row) {
        PaymentApplication app = new PaymentApplication(MofDivCode.of(row.mofDivCode), FiscalYear.of(row.fiscalYear),
                PayAppNo.of(row.payAppNo), AgencyCode.of(row.agencyCode),
                row.proCode == null ? null : ProCode.of(row.proCode), BgtId.of(row.bgtId),
                Money.positive(PaymentApplication.AMOUNT_FIELD, row.payAppAmt), ExpenditureKind.valueOf(row.expKind));
        PaymentDecision decision = new PaymentDecision(PaymentDecision.Outcome.valueOf(row.outcome),
                PaymentDecision.ReasonCode.valueOf(row.reasonCode), row.holdId,
                row.holdKind == null ? null : HoldKind.valueOf(row.holdKind), row.holdReason);
        return new DecisionRecord(app, decision, actor(row.caller, row.operator, row.roles), row.decidedAt);
    }

    static io.jixiao.store.internal.mapper.BypassRow bypassRow(io.jixiao.api.service.Bypass b) {
        io.jixiao.store.internal.mapper.BypassRow r = new io.jixiao.store.internal.mapper.BypassRow();
        r.bypassId = b.bypassId();
        r.mofDivCode = b.mofDivCode().value();
        r.openedAt = b.openedAt();
        r.untilAt = b.until();
        r.reason = b.reason().text();
        r.openedCaller = b.openedBy().callerSystem();
        r.openedOperator = b.openedBy().operator();
        r.openedRoles = roles(b.openedBy());
        if (b.closedAt() != null) {
            r.closedAt = b.closedAt();
            r.closedCaller = b.closedBy().callerSystem();
            r.closedOperator = b.closedBy().operator();
            r.closedRoles = roles(b.closedBy());
            r.closeReason = b.closeReason().text();
        }
        return r;
    }

    static io.jixiao.api.service.Bypass bypass(io.jixiao.store.internal.mapper.BypassRow r) {
        return new io.jixiao.api.service.Bypass(r.bypassId, io.jixiao.api.model.MofDivCode.of(r.mofDivCode),
                r.openedAt, r.untilAt, io.jixiao.api.model.Reason.of(r.reason),
                actor(r.openedCaller, r.openedOperator, r.openedRoles), r.closedAt,
                r.closedAt == null ? null : actor(r.closedCaller, r.closedOperator, r.closedRoles),
                r.closedAt == null ? null : io.jixiao.api.model.Reason.of(r.closeReason));
    }

    /** A stored decimal without its padding zeros, never in exponent form (10.0000 → 10, not 1E+1). */
    static java.math.BigDecimal plain(java.math.BigDecimal value) {
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * @param size the most values per chunk: the IN list of one query (Oracle takes at most 1,000 expressions)
     * @return the values in order, in chunks of at most {@code size} (views of the list)
     */
    static <T> List<List<T>> chunks(List<T> values, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            chunks.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return chunks;
    }
}
