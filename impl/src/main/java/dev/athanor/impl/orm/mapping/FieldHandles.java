package dev.athanor.impl.orm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * A mapped field's method handles, {@code (Object)Object} and {@code (Object,Object)void}, made on first use. A boot
 * made them for every field of every entity, and making them (the access check, then the lambda forms the erasing
 * adaptation spins) was about an eighth of a fresh JVM's boot of 50 entities (issue 14, cold start), although they
 * serve a field only until its entity's generated accessor takes over, and many entities are not touched before.
 * A field declared by a superclass is checked when the class is mapped, so that a field the entity's lookup may not
 * reach is a mapping error; the entity's own fields always are within reach of its private lookup. The handles are
 * written without a lock: two threads may both make them, and either result is the same immutable handle.
 */
final class FieldHandles {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final MethodHandles.Lookup lookup;
    private final Field field;
    private MethodHandle getter;
    private MethodHandle setter;

    /** Fails as the lookup does when it may not reach a superclass's field. */
    FieldHandles(MethodHandles.Lookup lookup, Field field) throws IllegalAccessException {
        this.lookup = lookup;
        this.field = field;
        if (field.getDeclaringClass() != lookup.lookupClass()) {
            getter = lookup.unreflectGetter(field).asType(GETTER);
            if (!Modifier.isFinal(field.getModifiers())) {
                setter = lookup.unreflectSetter(field).asType(SETTER);
            }
        }
    }

    Object get(Object entity) throws Throwable {
        MethodHandle handle = getter;
        if (handle == null) {
            getter = handle = lookup.unreflectGetter(field).asType(GETTER);
        }
        return (Object) handle.invokeExact(entity);
    }

    /** Writes the field (a final field fails here with the lookup's error: it is not mapped). */
    void set(Object entity, Object value) throws Throwable {
        MethodHandle handle = setter;
        if (handle == null) {
            setter = handle = lookup.unreflectSetter(field).asType(SETTER);
        }
        handle.invokeExact(entity, value);
    }
}
