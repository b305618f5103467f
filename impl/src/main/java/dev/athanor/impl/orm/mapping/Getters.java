package dev.athanor.impl.orm.mapping;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** Finds the getter of a field ({@code getName()}, {@code isActive()}, or record-style {@code name()}). */
public final class Getters {
    private Getters() {
    }

    /** The getter a subclass can override, or null. */
    public static Method of(Class<?> type, String fieldName) {
        String capitalized = Character.toUpperCase(fieldName.charAt(0)) + fieldName.substring(1);
        for (String name : new String[] {"get" + capitalized, "is" + capitalized, fieldName}) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                try {
                    Method method = c.getDeclaredMethod(name);
                    int modifiers = method.getModifiers();
                    if (!Modifier.isPrivate(modifiers) && !Modifier.isFinal(modifiers) && !Modifier.isStatic(modifiers)) {
                        return method;
                    }
                } catch (NoSuchMethodException e) {
                    // try the superclass, then the next name
                }
            }
        }
        return null;
    }

    static boolean hasOverridableGetter(Field field, Class<?> entity) {
        return of(entity, field.getName()) != null;
    }
}
