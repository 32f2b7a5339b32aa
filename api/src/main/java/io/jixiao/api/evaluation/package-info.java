/**
 * Evaluation 绩效评价 and its grades: the scoring rules of a region and year (the {@code evaluation.*} keys of its
 * rule sets), the actual values an evaluator enters, and the scorecard that comes out (docs/evaluation.md).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package io.jixiao.api.evaluation;
