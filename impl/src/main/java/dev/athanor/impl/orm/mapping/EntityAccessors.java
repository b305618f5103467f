package dev.athanor.impl.orm.mapping;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Generates the {@link EntityAccessor} of an entity class: a hidden class defined through a private lookup in the
 * entity's class as its nestmate (JDK 15+), so it may read and write private fields and call a private constructor.
 * Written with the ASM that Byte Buddy shades (a dozen small classes, loaded on the first generation).
 *
 * <p>A field is covered only when the generated class may access it directly: declared in the entity's nest (any
 * visibility), or non-private in the entity's runtime package, or public in an exported public class, with a field
 * type the generated {@code CHECKCAST} can name. The others stay with the attribute's method handles. Generation can
 * fail (a lookup without full privilege, as for an entity in another named module or class loader's module, or a
 * class loader that cannot see this class): then {@link #generate} returns null and every attribute keeps its method
 * handles. {@code -Dathanor.orm.generatedAccessors=false} turns generation off.
 */
final class EntityAccessors {
    /** Whether accessors are generated at all (the method handles serve otherwise). */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("athanor.orm.generatedAccessors"));

    private static final String BASE = Type.getInternalName(EntityAccessor.class);

    private EntityAccessors() {
    }

    /** A generated accessor and which attribute indexes it covers. */
    record Generated(EntityAccessor accessor, boolean[] covered) {
    }

    /**
     * The accessor of {@code type} for {@code fields} (attribute {@code i} is {@code fields[i]}), or null when it
     * cannot be generated here. Its {@code populate} covers the first {@code attributes} fields (the columns); the
     * fields after them (the relationships) are reached by {@code get} and {@code set} only.
     */
    static Generated generate(Class<?> type, Field[] fields, int attributes) {
        if (!ENABLED) {
            return null;
        }
        try {
            boolean[] covered = new boolean[fields.length];
            for (int i = 0; i < fields.length; i++) {
                covered[i] = fields[i] != null && reachable(fields[i], type);
            }
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            if (!lookup.hasFullPrivilegeAccess()) {
                return null;   // defineHiddenClass would refuse: the entity is in a module of its own
            }
            byte[] bytes = bytes(type, fields, attributes, covered, constructorReachable(type));
            MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true,
                    MethodHandles.Lookup.ClassOption.NESTMATE);
            EntityAccessor accessor = (EntityAccessor) hidden.findConstructor(hidden.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
            return new Generated(accessor, covered);
        } catch (Throwable e) {   // LinkageError, IllegalAccessException, SecurityException ...: keep the handles
            org.jboss.logging.Logger.getLogger(EntityAccessors.class).debugf(e,
                    "no generated field access for %s; method handles are used", type.getName());
            return null;
        }
    }

    // ------------------------------------------------------------------ what may be accessed directly

    private static boolean reachable(Field field, Class<?> type) {
        Class<?> owner = field.getDeclaringClass();
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers) || !owner.isAssignableFrom(type)) {
            return false;
        }
        boolean fieldOk;
        if (Modifier.isPrivate(modifiers)) {
            fieldOk = owner.getNestHost() == type.getNestHost();
        } else {
            fieldOk = samePackage(owner, type) || (Modifier.isPublic(modifiers) && publicType(owner, type));
        }
        return fieldOk && nameable(field.getType(), type);
    }

    /** Whether the generated class (in {@code type}'s runtime package) may name {@code used} in a CHECKCAST. */
    private static boolean nameable(Class<?> used, Class<?> type) {
        Class<?> element = used;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element.isPrimitive() || samePackage(element, type) || publicType(element, type);
    }

    private static boolean publicType(Class<?> used, Class<?> from) {
        for (Class<?> c = used; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        Module module = used.getModule();
        return module.isExported(used.getPackageName(), from.getModule());
    }

    private static boolean samePackage(Class<?> a, Class<?> b) {
        return a.getClassLoader() == b.getClassLoader() && a.getPackageName().equals(b.getPackageName());
    }

    private static boolean constructorReachable(Class<?> type) {
        try {
            type.getDeclaredConstructor();
            return !Modifier.isAbstract(type.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ bytecode

    private static byte[] bytes(Class<?> type, Field[] fields, int attributes, boolean[] covered,
            boolean constructor) {
        String entity = Type.getInternalName(type);
        // frames computed by ASM: every local is an Object (typed values live on the stack only), so merging frames
        // never needs a common superclass, which ASM would look up by loading classes
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return "java/lang/Object";
            }
        };
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                entity + "$AthanorAccessor", null, BASE, null);

        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, BASE, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor create = writer.visitMethod(Opcodes.ACC_PUBLIC, "newInstance", "()Ljava/lang/Object;", null,
                null);
        create.visitCode();
        if (constructor) {
            create.visitTypeInsn(Opcodes.NEW, entity);
            create.visitInsn(Opcodes.DUP);
            create.visitMethodInsn(Opcodes.INVOKESPECIAL, entity, "<init>", "()V", false);
            create.visitInsn(Opcodes.ARETURN);
        } else {
            create.visitInsn(Opcodes.ICONST_M1);
            throwNotCovered(create);
        }
        create.visitMaxs(0, 0);
        create.visitEnd();

        switchMethod(writer, entity, fields, covered, true);
        switchMethod(writer, entity, fields, covered, false);
        populateMethod(writer, entity, java.util.Arrays.copyOf(fields, attributes), covered);
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** {@code get(Object, int)} or {@code set(Object, int, Object)}: a tableswitch over the attribute index. */
    private static void switchMethod(ClassWriter writer, String entity, Field[] fields, boolean[] covered,
            boolean get) {
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, get ? "get" : "set",
                get ? "(Ljava/lang/Object;I)Ljava/lang/Object;" : "(Ljava/lang/Object;ILjava/lang/Object;)V", null,
                null);
        method.visitCode();
        Label otherwise = new Label();
        Label[] cases = new Label[Math.max(fields.length, 1)];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = i < fields.length && covered[i] ? new Label() : otherwise;
        }
        method.visitVarInsn(Opcodes.ILOAD, 2);
        method.visitTableSwitchInsn(0, cases.length - 1, otherwise, cases);
        for (int i = 0; i < fields.length; i++) {
            if (!covered[i]) {
                continue;
            }
            Field field = fields[i];
            String owner = Type.getInternalName(field.getDeclaringClass());
            Class<?> fieldType = field.getType();
            String descriptor = Type.getDescriptor(fieldType);
            method.visitLabel(cases[i]);
            method.visitVarInsn(Opcodes.ALOAD, 1);
            method.visitTypeInsn(Opcodes.CHECKCAST, entity);
            if (get) {
                method.visitFieldInsn(Opcodes.GETFIELD, owner, field.getName(), descriptor);
                if (fieldType.isPrimitive()) {
                    Type box = Type.getType(box(fieldType));
                    method.visitMethodInsn(Opcodes.INVOKESTATIC, box.getInternalName(), "valueOf",
                            "(" + descriptor + ")" + box.getDescriptor(), false);
                }
                method.visitInsn(Opcodes.ARETURN);
            } else {
                method.visitVarInsn(Opcodes.ALOAD, 3);
                if (fieldType.isPrimitive()) {
                    String name = fieldType.getName();
                    method.visitMethodInsn(Opcodes.INVOKESTATIC, BASE,
                            "to" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                            "(Ljava/lang/Object;)" + descriptor, false);
                } else if (fieldType != Object.class) {
                    method.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(fieldType));
                }
                method.visitFieldInsn(Opcodes.PUTFIELD, owner, field.getName(), descriptor);
                method.visitInsn(Opcodes.RETURN);
            }
        }
        method.visitLabel(otherwise);
        method.visitVarInsn(Opcodes.ILOAD, 2);
        throwNotCovered(method);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    /**
     * {@code populate(entity, row, offset, snapshot, attributes)}: per attribute, {@code v = row[offset + i]}; if it is
     * not null and not of the field's (boxed) type, {@code v = convert(attributes, i, v)}; the field is set (left
     * alone for a null primitive) and {@code snapshot[i] = v} when there is a snapshot. Throws when an attribute is
     * not covered (then the mapper never hands this accessor out as a populator).
     */
    private static void populateMethod(ClassWriter writer, String entity, Field[] fields, boolean[] covered) {
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC, "populate",
                "(Ljava/lang/Object;[Ljava/lang/Object;I[Ljava/lang/Object;[L"
                        + Type.getInternalName(AttributeMapping.class) + ";)V", null, null);
        method.visitCode();
        for (int i = 0; i < fields.length; i++) {
            if (!covered[i]) {
                method.visitLdcInsn(i);
                throwNotCovered(method);
                method.visitMaxs(0, 0);
                method.visitEnd();
                return;
            }
        }
        final int entityVar = 1;
        final int rowVar = 2;
        final int offsetVar = 3;
        final int snapshotVar = 4;
        final int attributesVar = 5;
        final int valueVar = 6;
        for (int i = 0; i < fields.length; i++) {
            Field field = fields[i];
            Class<?> fieldType = field.getType();
            boolean primitive = fieldType.isPrimitive();
            Class<?> boxed = primitive ? box(fieldType) : fieldType;
            String owner = Type.getInternalName(field.getDeclaringClass());
            String descriptor = Type.getDescriptor(fieldType);
            method.visitVarInsn(Opcodes.ALOAD, rowVar);
            method.visitVarInsn(Opcodes.ILOAD, offsetVar);
            method.visitLdcInsn(i);
            method.visitInsn(Opcodes.IADD);
            method.visitInsn(Opcodes.AALOAD);
            method.visitVarInsn(Opcodes.ASTORE, valueVar);
            Label converted = new Label();
            if (boxed != Object.class) {
                method.visitVarInsn(Opcodes.ALOAD, valueVar);
                method.visitTypeInsn(Opcodes.INSTANCEOF, Type.getInternalName(boxed));
                method.visitJumpInsn(Opcodes.IFNE, converted);
                method.visitVarInsn(Opcodes.ALOAD, valueVar);
                method.visitJumpInsn(Opcodes.IFNULL, converted);
                method.visitVarInsn(Opcodes.ALOAD, attributesVar);
                method.visitLdcInsn(i);
                method.visitVarInsn(Opcodes.ALOAD, valueVar);
                method.visitMethodInsn(Opcodes.INVOKESTATIC, BASE, "convert", "([L"
                        + Type.getInternalName(AttributeMapping.class) + ";ILjava/lang/Object;)Ljava/lang/Object;",
                        false);
                method.visitVarInsn(Opcodes.ASTORE, valueVar);
            }
            method.visitLabel(converted);
            Label snapshot = new Label();
            if (primitive) {
                method.visitVarInsn(Opcodes.ALOAD, valueVar);
                method.visitJumpInsn(Opcodes.IFNULL, snapshot);
            }
            method.visitVarInsn(Opcodes.ALOAD, entityVar);
            method.visitTypeInsn(Opcodes.CHECKCAST, entity);
            method.visitVarInsn(Opcodes.ALOAD, valueVar);
            if (primitive) {
                String box = Type.getInternalName(boxed);
                method.visitTypeInsn(Opcodes.CHECKCAST, box);
                method.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box, fieldType.getName() + "Value", "()" + descriptor,
                        false);
            } else if (fieldType != Object.class) {
                method.visitTypeInsn(Opcodes.CHECKCAST, Type.getInternalName(fieldType));
            }
            method.visitFieldInsn(Opcodes.PUTFIELD, owner, field.getName(), descriptor);
            method.visitLabel(snapshot);
            Label next = new Label();
            method.visitVarInsn(Opcodes.ALOAD, snapshotVar);
            method.visitJumpInsn(Opcodes.IFNULL, next);
            method.visitVarInsn(Opcodes.ALOAD, snapshotVar);
            method.visitLdcInsn(i);
            method.visitVarInsn(Opcodes.ALOAD, valueVar);
            method.visitInsn(Opcodes.AASTORE);
            method.visitLabel(next);
        }
        method.visitInsn(Opcodes.RETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    /** {@code throw notCovered(index)}, the index on the stack. */
    private static void throwNotCovered(MethodVisitor method) {
        method.visitMethodInsn(Opcodes.INVOKESTATIC, BASE, "notCovered", "(I)Ljava/lang/RuntimeException;", false);
        method.visitInsn(Opcodes.ATHROW);
    }

    private static Class<?> box(Class<?> primitive) {
        return MethodType.methodType(primitive).wrap().returnType();
    }
}
