package io.jixiao.api.service;

import io.jixiao.api.model.BgtId;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violations;
import java.util.Objects;

/**
 * What a hold applies to: a whole project in a fiscal region (whatever the fiscal year of the funds,
 * carried-over funds included) or a single budget line.
 *
 * @param type project or budget line
 * @param mofDivCode the fiscal region
 * @param proCode the project, set only for {@link Type#PROJECT}
 * @param bgtId the budget line, set only for {@link Type#BUDGET_LINE}
 */
public record HoldTarget(Type type, MofDivCode mofDivCode, ProCode proCode, BgtId bgtId) {
    public static final String TYPE_FIELD = "TARGET_TYPE";

    /** The kind of target. */
    public enum Type {
        PROJECT,
        BUDGET_LINE
    }

    public HoldTarget {
        if (type == null) {
            throw InvalidInputException.of(TYPE_FIELD, "required", "is required (PROJECT or BUDGET_LINE)");
        }
        if (mofDivCode == null) {
            throw InvalidInputException.of(MofDivCode.FIELD, "required", "is required");
        }
        if (type == Type.PROJECT && (proCode == null || bgtId != null)) {
            throw InvalidInputException.of(proCode == null ? ProCode.FIELD : BgtId.FIELD, "target",
                    "a PROJECT hold names PRO_CODE and no BGT_ID");
        }
        if (type == Type.BUDGET_LINE && (bgtId == null || proCode != null)) {
            throw InvalidInputException.of(bgtId == null ? BgtId.FIELD : ProCode.FIELD, "target",
                    "a BUDGET_LINE hold names BGT_ID and no PRO_CODE");
        }
    }

    /**
     * Builds a target from the raw fields of a remote request.
     *
     * @param type {@code TARGET_TYPE}: PROJECT or BUDGET_LINE
     * @param mofDivCode {@code MOF_DIV_CODE}
     * @param proCode {@code PRO_CODE}, for a project
     * @param bgtId {@code BGT_ID}, for a budget line
     * @return the target
     * @throws InvalidInputException naming every broken rule
     */
    public static HoldTarget from(String type, String mofDivCode, String proCode, String bgtId) {
        Violations v = new Violations();
        Type parsed = v.oneOf(TYPE_FIELD, type, Type.class);
        MofDivCode region = v.check(() -> MofDivCode.of(mofDivCode));
        ProCode project = v.optional(proCode, ProCode::of);
        BgtId line = v.optional(bgtId, BgtId::of);
        v.throwIfAny();
        return new HoldTarget(parsed, region, project, line);
    }

    public static HoldTarget project(MofDivCode mofDivCode, ProCode proCode) {
        return new HoldTarget(Type.PROJECT, mofDivCode, Objects.requireNonNull(proCode, "proCode"), null);
    }

    public static HoldTarget budgetLine(MofDivCode mofDivCode, BgtId bgtId) {
        return new HoldTarget(Type.BUDGET_LINE, mofDivCode, null, Objects.requireNonNull(bgtId, "bgtId"));
    }

    /**
     * @return the code of the held object: the project code or the budget line id
     */
    public String code() {
        return type == Type.PROJECT ? proCode.value() : bgtId.value();
    }
}
