package dev.athanor.cdi;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal JNDI for SE tests ({@code java.naming.factory.initial}): {@code lookup(String)} answers from
 * {@link #BOUND}, as an application server's naming would for {@code athanor.datasource.jndi-name}.
 */
public final class TestJndi implements InitialContextFactory {
    static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        Object value = BOUND.get(String.valueOf(args[0]));
                        if (value == null) {
                            throw new NameNotFoundException(String.valueOf(args[0]));
                        }
                        yield value;
                    }
                    case "close" -> null;
                    case "toString" -> "TestJndi" + BOUND.keySet();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
