/**
 * The indicator library 指标库: common indicators kept by finance (共性指标) and industry core indicators kept by each
 * department (行业核心指标), searched, imported from and exported to spreadsheets. Goals reference library entries by
 * code ({@link io.jixiao.api.goal.Indicator#libraryId()}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.jixiao.api.library;
