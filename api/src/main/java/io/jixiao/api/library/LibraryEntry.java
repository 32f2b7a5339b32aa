package io.jixiao.api.library;

import io.jixiao.api.model.Actor;
import java.time.Instant;

/**
 * A library indicator as kept: its content, status and last change.
 *
 * @param indicator the content
 * @param status active or retired
 * @param revision 1 when created, one more with every change
 * @param changedBy who changed it last
 * @param changedAt when
 */
public record LibraryEntry(LibraryIndicator indicator, EntryStatus status, int revision, Actor changedBy,
        Instant changedAt) {
}
