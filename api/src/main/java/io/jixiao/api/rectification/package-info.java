/**
 * Rectification 整改: a case for every finding that requires it, its workflow from the feedback letter to
 * close-out (销号), and strict control 从严控制 while a case is overdue or was not rectified.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.jixiao.api.rectification;
