package io.jixiao.guard.internal;

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
import io.jixiao.api.model.Role;
import io.jixiao.api.service.HoldKind;
import io.jixiao.store.DecisionRecord;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The spool's binary form of a decision: what {@code JX_PAY_DECISION} keeps, plus the economic class and the kind
 * correction. Enums travel by name, so a spool written before an upgrade reads after it. The actor's data scope is
 * not kept (the decision table does not keep it either); a decoded actor has the scope of all data.
 */
final class DecisionCodec {
    static final byte VERSION = 1;
    private static final int NULL = 0xFFFF;
    private static final int MAX_STRING_BYTES = 0xFFFE;

    private DecisionCodec() {
    }

    /** A growable byte buffer, one per appending thread. */
    static final class Out {
        private byte[] bytes = new byte[256];
        private int length;

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        private void putByte(int b) {
            ensure(1);
            bytes[length++] = (byte) b;
        }

        private void putInt(int v) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[length++] = (byte) (v >>> shift);
            }
        }

        private void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        private void putString(String s) {
            if (s == null) {
                putShort(NULL);
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > MAX_STRING_BYTES) {
                throw new IllegalArgumentException("a spooled text has at most " + MAX_STRING_BYTES + " bytes");
            }
            putShort(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
        }

        private void putShort(int v) {
            ensure(2);
            bytes[length++] = (byte) (v >>> 8);
            bytes[length++] = (byte) v;
        }
    }

    /**
     * Encodes a decision into {@code out}, replacing what it held.
     *
     * @param record the decision
     * @param out the buffer
     */
    static void encode(DecisionRecord record, Out out) {
        out.length = 0;
        PaymentApplication app = record.application();
        PaymentDecision decision = record.decision();
        out.putByte(VERSION);
        out.putString(app.mofDivCode().value());
        out.putInt(app.fiscalYear().value());
        out.putString(app.payAppNo().value());
        out.putString(app.agencyCode().value());
        out.putString(app.proCode() == null ? null : app.proCode().value());
        out.putString(app.bgtId().value());
        out.putLong(app.amount().yuan().unscaledValue().longValueExact());
        out.putString(app.kind().name());
        out.putString(app.ecoCode());
        out.putString(decision.outcome().name());
        out.putString(decision.reasonCode().name());
        out.putByte(decision.holdId() == null ? 0 : 1);
        out.putLong(decision.holdId() == null ? 0L : decision.holdId());
        out.putString(decision.holdKind() == null ? null : decision.holdKind().name());
        out.putString(decision.holdReason());
        out.putByte(decision.kindCorrected() ? 1 : 0);
        out.putString(record.actor().callerSystem());
        out.putString(record.actor().operator());
        out.putString(roleNames(record.actor().roles()));
        out.putLong(record.decidedAt().getEpochSecond());
        out.putInt(record.decidedAt().getNano());
    }

    /**
     * @param in the encoded decision, from its first byte to its last
     * @return the decision
     * @throws IllegalArgumentException if the bytes are not a decision of a known version
     */
    static DecisionRecord decode(ByteBuffer in) {
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown spooled decision version " + version);
        }
        MofDivCode region = MofDivCode.of(string(in));
        FiscalYear year = FiscalYear.of(in.getInt());
        PayAppNo number = PayAppNo.of(string(in));
        AgencyCode agency = AgencyCode.of(string(in));
        String project = string(in);
        BgtId line = BgtId.of(string(in));
        Money amount = new Money(BigDecimal.valueOf(in.getLong(), 2));
        ExpenditureKind kind = ExpenditureKind.valueOf(string(in));
        String ecoCode = string(in);
        PaymentApplication app = new PaymentApplication(region, year, number, agency,
                project == null ? null : ProCode.of(project), line, amount, kind, ecoCode);
        PaymentDecision.Outcome outcome = PaymentDecision.Outcome.valueOf(string(in));
        PaymentDecision.ReasonCode reason = PaymentDecision.ReasonCode.valueOf(string(in));
        boolean namesHold = in.get() == 1;
        long holdId = in.getLong();
        String holdKind = string(in);
        String holdReason = string(in);
        boolean kindCorrected = in.get() == 1;
        PaymentDecision decision = new PaymentDecision(outcome, reason, namesHold ? holdId : null,
                holdKind == null ? null : HoldKind.valueOf(holdKind), holdReason, kindCorrected);
        String caller = string(in);
        String operator = string(in);
        Set<Role> roles = roles(string(in));
        Instant decidedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " bytes after a spooled decision");
        }
        return new DecisionRecord(app, decision, new Actor(caller, operator, roles), decidedAt);
    }

    private static String string(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length == NULL) {
            return null;
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static String roleNames(Set<Role> roles) {
        StringBuilder names = new StringBuilder();
        for (Role role : roles) {
            names.append(names.length() == 0 ? "" : ",").append(role.name());
        }
        return names.toString();
    }

    private static Set<Role> roles(String names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names.split(",")) {
            roles.add(Role.valueOf(name));
        }
        return roles;
    }
}
