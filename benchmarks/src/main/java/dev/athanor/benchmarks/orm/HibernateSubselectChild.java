package dev.athanor.benchmarks.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** {@code bench_child} again, the child of {@link HibernateSubselectParent}. */
@Entity
@Table(name = "bench_child")
public class HibernateSubselectChild {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public HibernateSubselectParent parent;
    @Column(length = 50) public String name;
    public Integer amount;

    public HibernateSubselectChild() {
    }
}
