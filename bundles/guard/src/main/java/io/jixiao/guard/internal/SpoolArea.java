package io.jixiao.guard.internal;

import java.nio.file.Path;

/** Where this node's decision spool lives: the configured directory, or the framework's data area of the bundle. */
public interface SpoolArea {
    /** @return the spool's directory, on a persistent local disk */
    Path directory();
}
