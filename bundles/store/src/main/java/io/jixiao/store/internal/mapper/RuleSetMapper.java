package io.jixiao.store.internal.mapper;

import java.util.List;

/** Goal rule set revisions written through the API. */
public interface RuleSetMapper {
    void insert(RuleSetRow row);

    /** Every revision, oldest first. */
    List<RuleSetRow> all();
}
