package dev.athanor.benchmarks.orm;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The fairness extra of the save workload: Hibernate with keys from SEQUENCEs (allocation size 50, JPA's default,
 * pooled optimizer: one {@code nextval} per 50 rows), with which Hibernate batches its INSERTs (parents, then children,
 * with {@code hibernate.order_inserts}). Tables {@code bench_save_parent_seq} / {@code bench_save_child_seq} (the
 * columns of {@code bench_save_parent} / {@code bench_save_child}, plain primary keys) and their sequences are made by
 * {@code RelationshipDatabase}.
 */
@Entity
@Table(name = "bench_save_parent_seq")
public class HibernateSeqParent {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_save_parent_seq_gen")
    @SequenceGenerator(name = "bench_save_parent_seq_gen", sequenceName = "bench_save_parent_seq_id_seq",
            allocationSize = 50)
    public Integer id;
    @Column(length = 50) public String name;
    @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL)
    public List<HibernateSeqChild> children = new ArrayList<>();

    public HibernateSeqParent() {
    }

    public HibernateSeqParent(String name) {
        this.name = name;
    }

    /** The usual helper of a bidirectional association: both sides set, as Hibernate needs the owning side. */
    public void addChild(HibernateSeqChild child) {
        children.add(child);
        child.parent = this;
    }
}
