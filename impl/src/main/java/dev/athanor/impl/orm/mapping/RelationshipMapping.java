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
    /** The owner's generated accessor covering this field, once known (read racily: null only means the handles). */
    private EntityAccessor accessor;
    /** The field's index in that accessor: final, so a thread that sees the accessor sees the right index. */
    private final int accessIndex;
    private boolean accessResolved;

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
        this.accessIndex = owner.relationshipAccessIndex(field);
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

    /**
     * The field's value: through the owner's generated accessor once it exists and covers the field (a loaded
     * object's relationships are read and written a few times each while it loads), through method handles until
     * then (each use counts towards generating it) or when it cannot.
     */
    public Object get(Object entity) {
        EntityAccessor generated = accessor;
        try {
            if (generated != null) {
                return generated.get(entity, accessIndex);
            }
            handleAccess();
            return field.handles().get(entity);
        } catch (Throwable e) {
            throw new AthanorException("cannot read " + this + ": " + e, e);
        }
    }

    public void set(Object entity, Object value) {
        EntityAccessor generated = accessor;
        try {
            if (generated != null) {
                generated.set(entity, accessIndex, value);
                return;
            }
            handleAccess();
            field.handles().set(entity, value);
        } catch (Throwable e) {
            throw new AthanorException("cannot write " + this + ": " + e, e);
        }
    }

    /** Whether the field is read and written through the owner's generated accessor (from now on). */
    public boolean hasGeneratedAccess() {
        if (accessor == null && !accessResolved && owner.accessGenerated()) {
            handleAccess();
        }
        return accessor != null;
    }

    /** A method-handle access: counts towards generation; picks the accessor up once generation has run. */
    private void handleAccess() {
        if (accessResolved) {
            return;
        }
        if (owner.accessGenerated()) {
            accessor = owner.relationshipAccessor(field);   // null: not covered, the handles stay
            accessResolved = true;
        } else {
            owner.countHandleAccess();
        }
    }

    /** {@code Group.members}. */
    @Override
    public String toString() {
        return owner.entityName() + "." + field.name();
    }
}
