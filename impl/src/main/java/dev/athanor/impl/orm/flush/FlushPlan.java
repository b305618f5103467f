package dev.athanor.impl.orm.flush;

import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.RelationshipMapping;
import dev.athanor.impl.orm.session.InstanceState;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the relationships of the session's objects ask of one flush, worked out before it by the session: foreign key
 * columns to copy from a parent's key once the parent has one ({@link Link}), association rows to insert and delete,
 * and association rows of deleted objects to clear. The unit of work orders rows by the links.
 */
public final class FlushPlan {
    /** An empty plan: no relationships involved. */
    public static final FlushPlan EMPTY = new FlushPlan();

    /**
     * Copy {@code parent}'s {@code parentColumns} into {@code child}'s {@code childColumns} (NULL when parent is null)
     * before the child's row is written.
     */
    public record Link(InstanceState child, AttributeMapping[] childColumns, InstanceState parent,
            AttributeMapping[] parentColumns) {
    }

    /** One association row of a many-to-many, between {@code owner} and {@code target}. */
    public record AssociationRow(RelationshipMapping relationship, InstanceState owner, InstanceState target) {
    }

    /** {@code first} refers to {@code then} through {@code columns}: delete {@code first}'s row before. */
    public record DeleteEdge(InstanceState first, InstanceState then, AttributeMapping[] columns) {
    }

    private final List<DeleteEdge> deleteEdges = new ArrayList<>();

    public void deleteBefore(InstanceState first, InstanceState then, AttributeMapping[] columns) {
        deleteEdges.add(new DeleteEdge(first, then, columns));
    }

    public List<DeleteEdge> deleteEdges() {
        return deleteEdges;
    }

    /** Per child: one {@link Link}, or a {@code List<Link>} when it has several (most children have one). */
    private final Map<InstanceState, Object> links = new IdentityHashMap<>();
    private final List<AssociationRow> inserts = new ArrayList<>();
    private final List<AssociationRow> deletes = new ArrayList<>();
    private final Map<RelationshipMapping, List<InstanceState>> clears = new LinkedHashMap<>();

    /** A link; a later link of the same child columns replaces an earlier one. */
    @SuppressWarnings("unchecked")
    public void link(InstanceState child, AttributeMapping[] childColumns, InstanceState parent,
            AttributeMapping[] parentColumns) {
        Link link = new Link(child, childColumns, parent, parentColumns);
        Object existing = links.get(child);
        if (existing == null) {
            links.put(child, link);
        } else if (existing instanceof Link one) {
            if (one.childColumns()[0] == childColumns[0]) {
                links.put(child, link);
            } else {
                List<Link> several = new ArrayList<>(2);
                several.add(one);
                several.add(link);
                links.put(child, several);
            }
        } else {
            List<Link> several = (List<Link>) existing;
            several.removeIf(l -> l.childColumns()[0] == childColumns[0]);
            several.add(link);
        }
    }

    /** The links of a child (empty when it has none). */
    @SuppressWarnings("unchecked")
    public java.util.Collection<Link> links(InstanceState child) {
        Object of = links.get(child);
        return of == null ? List.of() : of instanceof Link one ? List.of(one) : (List<Link>) of;
    }

    public boolean hasLinks(InstanceState child) {
        return links.containsKey(child);
    }

    public void insertAssociation(RelationshipMapping relationship, InstanceState owner, InstanceState target) {
        inserts.add(new AssociationRow(relationship, owner, target));
    }

    public void deleteAssociation(RelationshipMapping relationship, InstanceState owner, InstanceState target) {
        deletes.add(new AssociationRow(relationship, owner, target));
    }

    /** Deletes every association row of {@code owner} through {@code relationship} (the owner is being deleted). */
    public void clearAssociations(RelationshipMapping relationship, InstanceState owner) {
        clears.computeIfAbsent(relationship, r -> new ArrayList<>()).add(owner);
    }

    public List<AssociationRow> associationInserts() {
        return inserts;
    }

    public List<AssociationRow> associationDeletes() {
        return deletes;
    }

    public Map<RelationshipMapping, List<InstanceState>> associationClears() {
        return clears;
    }

    public boolean isEmpty() {
        return links.isEmpty() && inserts.isEmpty() && deletes.isEmpty() && clears.isEmpty() && deleteEdges.isEmpty();
    }
}
