package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.List;

/** A self-referential tree: parent and children through nodes.parent_id. */
@Entity(table = "nodes")
public class Node {
    @Id public Integer id;
    @Column(length = 40) public String name;
    @Column @ForeignKey("nodes.id") public Integer parentId;
    @Relationship(backPopulates = "children") public Node parent;
    @Relationship(backPopulates = "parent", deleteOrphan = true) public List<Node> children = new ArrayList<>();

    public Node() {
    }

    public Node(String name) {
        this.name = name;
    }

    public Node getParent() {
        return parent;
    }

    public Node child(String childName) {
        Node child = new Node(childName);
        children.add(child);
        return child;
    }

    @Override
    public String toString() {
        return "Node(" + id + ", " + name + ")";
    }
}
