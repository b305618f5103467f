package dev.athanor.impl.orm.mapping;

import dev.athanor.AthanorException;
import dev.athanor.orm.Loading;
import dev.athanor.schema.Table;

import java.util.List;

/**
 * A relationship resolved within a registry: its kind, the column pairs that join the two sides, the association
 * table of a many-to-many, the back side, cascades and the default loading strategy.
 *
 * <p>Column pairs: {@link #ownerColumns()}[i] joins {@link #targetColumns()}[i]. For MANY_TO_ONE the owner's columns
 * are the foreign key; for ONE_TO_MANY and ONE_TO_ONE the target's are; for MANY_TO_MANY both sides' columns are
 * the referenced ones and {@link #secondaryOwnerColumns()}[i] / {@link #secondaryTargetColumns()}[i] the association
 * table's columns that refer to them.
 */
public final class RelationshipMapping {
    /** The kind of relationship. */
    public enum Kind { MANY_TO_ONE, ONE_TO_MANY, ONE_TO_ONE, MANY_TO_MANY }

    private final EntityMapper owner;
    private final EntityMapper target;
    private final RelationshipField field;
    private final int index;
    private final Kind kind;
    private final AttributeMapping[] ownerColumns;
    private final AttributeMapping[] targetColumns;
    private final Table secondary;
    private final List<String> secondaryOwnerColumns;
    private final List<String> secondaryTargetColumns;
    private RelationshipMapping back;

    RelationshipMapping(EntityMapper owner, EntityMapper target, RelationshipField field, int index, Kind kind,
            AttributeMapping[] ownerColumns, AttributeMapping[] targetColumns, Table secondary,
            List<String> secondaryOwnerColumns, List<String> secondaryTargetColumns) {
        this.owner = owner;
        this.target = target;
        this.field = field;
        this.index = index;
        this.kind = kind;
        this.ownerColumns = ownerColumns;
        this.targetColumns = targetColumns;
        this.secondary = secondary;
        this.secondaryOwnerColumns = secondaryOwnerColumns;
        this.secondaryTargetColumns = secondaryTargetColumns;
    }

    void back(RelationshipMapping value) {
        this.back = value;
    }

    public EntityMapper owner() {
        return owner;
    }

    public EntityMapper target() {
        return target;
    }

    public String name() {
        return field.name();
    }

    /** The position among the owner's relationships. */
    public int index() {
        return index;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isCollection() {
        return field.collection() != RelationshipField.CollectionKind.NONE;
    }

    public boolean isSet() {
        return field.collection() == RelationshipField.CollectionKind.SET;
    }

    public AttributeMapping[] ownerColumns() {
        return ownerColumns;
    }

    public AttributeMapping[] targetColumns() {
        return targetColumns;
    }

    /** The association table of a MANY_TO_MANY, or null. */
    public Table secondary() {
        return secondary;
    }

    public List<String> secondaryOwnerColumns() {
        return secondaryOwnerColumns;
    }

    public List<String> secondaryTargetColumns() {
        return secondaryTargetColumns;
    }

    /** The relationship on the other side named by {@code backPopulates}, or null. */
    public RelationshipMapping back() {
        return back;
    }

    String ownerBackName() {
        return field.annotation().backPopulates();
    }

    List<String> overlaps() {
        String text = field.annotation().overlaps();
        return text.isBlank() ? List.of() : java.util.Arrays.stream(text.split(",")).map(String::trim).toList();
    }

    /** The getter the lazy-loading subclass intercepts for a to-one, or null. */
    public String getterMethod() {
        return field.getterMethod();
    }

    public boolean cascadeDelete() {
        return field.annotation().deleteOrphan() || field.annotation().cascadeDelete();
    }

    public boolean deleteOrphan() {
        return field.annotation().deleteOrphan();
    }

    public boolean passiveDeletes() {
        return field.annotation().passiveDeletes();
    }

    /** The strategy of the mapping ({@code lazy = ...}), used when no loader option says otherwise. */
    public Loading.Strategy defaultStrategy() {
        return switch (field.annotation().lazy()) {
            case SELECT -> Loading.Strategy.LAZY;
            case SELECTIN -> Loading.Strategy.SELECTIN;
            case JOINED -> Loading.Strategy.JOINED;
            case RAISE -> Loading.Strategy.RAISE;
            case NOLOAD -> Loading.Strategy.NOLOAD;
        };
    }

    public Object get(Object entity) {
        try {
            return (Object) field.getter().invokeExact(entity);
        } catch (Throwable e) {
            throw new AthanorException("cannot read " + this + ": " + e, e);
        }
    }

    public void set(Object entity, Object value) {
        try {
            field.setter().invokeExact(entity, value);
        } catch (Throwable e) {
            throw new AthanorException("cannot write " + this + ": " + e, e);
        }
    }

    /** {@code Group.members}. */
    @Override
    public String toString() {
        return owner.entityName() + "." + field.name();
    }
}
