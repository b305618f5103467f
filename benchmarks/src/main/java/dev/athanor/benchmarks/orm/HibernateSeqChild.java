package dev.athanor.benchmarks.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The child of {@link HibernateSeqParent}: {@code bench_save_child_seq}, key from a SEQUENCE (allocation size 50). */
@Entity
@Table(name = "bench_save_child_seq")
public class HibernateSeqChild {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_save_child_seq_gen")
    @SequenceGenerator(name = "bench_save_child_seq_gen", sequenceName = "bench_save_child_seq_id_seq",
            allocationSize = 50)
    public Integer id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public HibernateSeqParent parent;
    @Column(length = 50) public String name;
    public Integer amount;

    public HibernateSeqChild() {
    }

    public HibernateSeqChild(String name, Integer amount) {
        this.name = name;
        this.amount = amount;
    }
}
