package io.jixiao.rectification.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Jixiao rectification 整改",
        description = "Which regions' overdue pass runs on a schedule on this node; the pass is also callable on "
                + "demand (POST /rectification/overdue), and safe on several nodes at once.")
public @interface RectificationConfiguration {
    String PID = "io.jixiao.rectification";

    @AttributeDefinition(name = "Regions 区划", description = "MOF_DIV_CODEs whose cases the scheduled pass marks "
            + "OVERDUE once their deadline has passed")
    String[] regions() default {};

    @AttributeDefinition(name = "Tick (s)", description = "How often the scheduled pass runs (60 to 86400 seconds)")
    long tickSeconds() default 3600L;
}
