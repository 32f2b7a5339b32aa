package io.jixiao.api.goal;

/** Project classes that goal rules distinguish. */
public enum ProjectClass {
    /** Running-guarantee projects 运行保障类. */
    RUNNING_GUARANTEE,
    /** Economic and social development / specific-purpose projects 经济和社会发展类 (特定目标类). */
    DEVELOPMENT
}
