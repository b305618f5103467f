package dev.athanor.cdi.impl;

import dev.athanor.Routing;
import dev.athanor.cdi.ReadOnly;
import dev.athanor.impl.routing.RoutingScope;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The interceptor of {@link ReadOnly}: the method runs with {@link Routing#REPLICA} in force on its thread. Added by
 * the extension (the application's archive need not list it) and enabled by its priority, before the transaction
 * interceptors so that it also covers what they flush.
 */
@ReadOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ReadOnlyInterceptor {

    @AroundInvoke
    public Object route(InvocationContext invocation) throws Exception {
        try {
            return RoutingScope.call(Routing.REPLICA, () -> {
                try {
                    return invocation.proceed();
                } catch (Exception e) {
                    throw new Wrapped(e);
                }
            });
        } catch (Wrapped e) {
            throw e.checked;
        }
    }

    /** Carries a checked exception of the method through the Supplier. */
    private static final class Wrapped extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Exception checked;

        Wrapped(Exception checked) {
            super(checked);
            this.checked = checked;
        }
    }
}
