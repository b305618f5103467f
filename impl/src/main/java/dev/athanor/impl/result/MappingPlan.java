package dev.athanor.impl.result;

import dev.athanor.ArgumentError;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to build an object of a class from named values: a record's canonical constructor, or a no-argument
 * constructor and field setters. Resolved once per class (reflection happens here only) and cached; what runs per
 * row is method-handle calls.
 */
final class MappingPlan {
    private static final ClassValue<MappingPlan> PLANS = new ClassValue<>() {
        @Override
        protected MappingPlan computeValue(Class<?> type) {
            return create(type);
        }
    };

    final Class<?> type;
    final boolean record;
    /** Property names (record components or fields), in constructor order for records. */
    final List<String> names;
    final List<Class<?>> types;
    /** Records: the canonical constructor taking an Object[]; classes: the no-argument constructor. */
    final MethodHandle constructor;
    /** Classes only: a setter {@code (Object, Object)void} per property. */
    final List<MethodHandle> setters;

    private MappingPlan(Class<?> type, boolean record, List<String> names, List<Class<?>> types,
            MethodHandle constructor, List<MethodHandle> setters) {
        this.type = type;
        this.record = record;
        this.names = names;
        this.types = types;
        this.constructor = constructor;
        this.setters = setters;
    }

    static MappingPlan of(Class<?> type) {
        return PLANS.get(type);
    }

    /** {@code timeCreated}, {@code time_created} and {@code TIME_CREATED} all normalize to {@code timecreated}. */
    static String normalize(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static MappingPlan create(Class<?> type) {
        try {
            return type.isRecord() ? forRecord(type) : forClass(type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof ArgumentError a) {
                throw a;
            }
            throw new ArgumentError("cannot map rows to " + type.getName() + ": " + e, e);
        }
    }

    private static MappingPlan forRecord(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            names.add(components[i].getName());
        }
        Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
        canonical.setAccessible(true);
        MethodHandle handle = MethodHandles.lookup().unreflectConstructor(canonical)
                .asType(MethodType.methodType(Object.class, parameterTypes).changeReturnType(Object.class))
                .asSpreader(Object[].class, components.length);
        return new MappingPlan(type, true, names, List.of(parameterTypes), handle, List.of());
    }

    private static MappingPlan forClass(Class<?> type) throws ReflectiveOperationException {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new ArgumentError("cannot map rows to " + type.getName() + ": it is abstract; use a record or a "
                    + "concrete class with a no-argument constructor");
        }
        Constructor<?> noArgs;
        try {
            noArgs = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new ArgumentError("cannot map rows to " + type.getName() + ": it is neither a record nor a class "
                    + "with a no-argument constructor");
        }
        noArgs.setAccessible(true);
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle constructor = lookup.unreflectConstructor(noArgs).asType(MethodType.methodType(Object.class));
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int mod = field.getModifiers();
                if (!Modifier.isStatic(mod) && !Modifier.isFinal(mod) && !field.isSynthetic()) {
                    fields.putIfAbsent(field.getName(), field);
                }
            }
        }
        List<String> names = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        List<MethodHandle> setters = new ArrayList<>();
        for (Field field : fields.values()) {
            field.setAccessible(true);
            names.add(field.getName());
            types.add(field.getType());
            setters.add(lookup.unreflectSetter(field)
                    .asType(MethodType.methodType(void.class, Object.class, Object.class)));
        }
        return new MappingPlan(type, false, names, types, constructor, setters);
    }
}
