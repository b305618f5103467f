package dev.athanor.impl.orm.loading;

import dev.athanor.AthanorException;
import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;
import dev.athanor.impl.orm.mapping.Getters;
import dev.athanor.impl.orm.mapping.LoadingSubclass;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FieldAccessor;
import net.bytebuddy.implementation.MethodDelegation;
import net.bytebuddy.implementation.bind.annotation.RuntimeType;
import net.bytebuddy.implementation.bind.annotation.SuperCall;
import net.bytebuddy.implementation.bind.annotation.This;
import net.bytebuddy.matcher.ElementMatchers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.concurrent.Callable;

/**
 * Generates, once per entity with deferred columns, a subclass whose deferred getters first ask the session to load
 * the columns ({@code getDescription()} runs a SELECT the first time). Only entities with deferred columns get one;
 * others are instantiated as they are. The subclass is defined in the entity's package through a private lookup, so
 * package-private constructors work.
 */
public final class LoadingSubclasses {
    private LoadingSubclasses() {
    }

    /** Installs the subclass's constructor in the mapper if it has deferred columns and none is installed yet. */
    public static void install(EntityMapper mapper) {
        if (!mapper.needsLoadingSubclass() || mapper.hasLoadingConstructor()) {
            return;
        }
        synchronized (mapper) {
            if (mapper.hasLoadingConstructor()) {
                return;
            }
            Class<?> type = mapper.type();
            try {
                DynamicType.Builder<?> builder = new ByteBuddy()
                        .subclass(type)
                        .name(type.getName() + "$AthanorLoading")
                        .implement(LoadingSubclass.class)
                        .defineField("athanor$stateField", Object.class, Visibility.PRIVATE)
                        .method(ElementMatchers.named("athanor$state"))
                        .intercept(FieldAccessor.ofField("athanor$stateField"));
                for (AttributeMapping attribute : mapper.deferred()) {
                    Method getter = Getters.of(type, attribute.name());
                    builder = builder.method(ElementMatchers.is(getter))
                            .intercept(MethodDelegation.to(DeferredGetter.class));
                }
                for (dev.athanor.impl.orm.mapping.RelationshipField field : mapper.relationshipFields()) {
                    if (field.getterMethod() != null) {
                        Method getter = Getters.of(type, field.name());
                        builder = builder.method(ElementMatchers.is(getter))
                                .intercept(MethodDelegation.to(ToOneGetter.class));
                    }
                }
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
                Class<?> subclass = builder.make()
                        .load(type.getClassLoader(), ClassLoadingStrategy.UsingLookup.of(lookup))
                        .getLoaded();
                MethodHandles.Lookup subLookup = MethodHandles.privateLookupIn(subclass, MethodHandles.lookup());
                mapper.useLoadingConstructor(subLookup.findConstructor(subclass, MethodType.methodType(void.class))
                        .asType(MethodType.methodType(Object.class)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new AthanorException("cannot generate the lazy-loading subclass of " + type.getName() + ": " + e,
                        e);
            }
        }
    }

    /** The interceptor of to-one relationship getters. Public: the generated class calls it. */
    public static final class ToOneGetter {
        private ToOneGetter() {
        }

        @RuntimeType
        public static Object intercept(@This Object self, @net.bytebuddy.implementation.bind.annotation.Origin
                Method method, @SuperCall Callable<?> getter) throws Exception {
            Object state = ((LoadingSubclass) self).athanor$state();
            if (state instanceof DeferredLoader loader) {
                loader.loadToOne(self, method.getName());
            }
            return getter.call();
        }
    }

    /** The interceptor of deferred getters. Public: the generated class calls it. */
    public static final class DeferredGetter {
        private DeferredGetter() {
        }

        @RuntimeType
        public static Object intercept(@This Object self, @SuperCall Callable<?> getter) throws Exception {
            Object state = ((LoadingSubclass) self).athanor$state();
            if (state instanceof DeferredLoader loader) {
                loader.loadDeferred(self);
            }
            return getter.call();
        }
    }
}
