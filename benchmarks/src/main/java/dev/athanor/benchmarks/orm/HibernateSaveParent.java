package dev.athanor.benchmarks.orm;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Hibernate entity of {@code bench_save_parent} (the table of {@link OrmSaveParent}): an IDENTITY key, which turns
 * Hibernate's insert batching off (for the children too, which have IDENTITY keys as well).
 */
@Entity
@Table(name = "bench_save_parent")
public class HibernateSaveParent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;
    @Column(length = 50) public String name;
    @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL)
    public List<HibernateSaveChild> children = new ArrayList<>();

    public HibernateSaveParent() {
    }

    public HibernateSaveParent(String name) {
        this.name = name;
    }

    /** The usual helper of a bidirectional association: both sides set, as Hibernate needs the owning side. */
    public void addChild(HibernateSaveChild child) {
        children.add(child);
        child.parent = this;
    }
}
