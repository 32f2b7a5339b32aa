/**
 * Streaming spreadsheet reading and writing for Jixiao's imports and exports (.xlsx and CSV), for the other Jixiao
 * bundles (hosts use {@code io.jixiao.api}). Memory stays flat as rows grow: rows are handed on one by one when
 * reading and flushed when writing. An uploaded file is checked before it is believed: its kind by its first bytes,
 * a zip bomb by inflating every part against limits, formulas and encodings cell by cell.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.jixiao.sheets;
