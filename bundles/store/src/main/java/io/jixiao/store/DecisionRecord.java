package io.jixiao.store;

import io.jixiao.api.hook.PaymentApplication;
import io.jixiao.api.hook.PaymentDecision;
import io.jixiao.api.model.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment-guard decision as recorded.
 *
 * @param application what was checked
 * @param decision the answer
 * @param actor who asked
 * @param decidedAt when
 */
public record DecisionRecord(PaymentApplication application, PaymentDecision decision, Actor actor,
        Instant decidedAt) {
    public DecisionRecord {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
