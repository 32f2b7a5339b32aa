package io.jixiao.store.internal;

import org.h2.util.JdbcUtils;
import org.h2.util.Utils;

/**
 * Lets H2 load this bundle's trigger classes in OSGi, where H2's own class loader cannot see them. Touch this
 * class only when the database is H2, so that deployments on other databases need no H2 classes.
 */
final class H2Triggers implements Utils.ClassFactory {
    private static final String PREFIX = "io.jixiao.store.internal.";

    static H2Triggers register() {
        H2Triggers factory = new H2Triggers();
        JdbcUtils.addClassFactory(factory);
        return factory;
    }

    void unregister() {
        JdbcUtils.removeClassFactory(this);
    }

    @Override
    public boolean match(String name) {
        return name.startsWith(PREFIX);
    }

    @Override
    public Class<?> loadClass(String name) throws ClassNotFoundException {
        return H2Triggers.class.getClassLoader().loadClass(name);
    }
}
