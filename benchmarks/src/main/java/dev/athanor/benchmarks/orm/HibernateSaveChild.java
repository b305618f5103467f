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

/** Hibernate entity of {@code bench_save_child} (the table of {@link OrmSaveChild}), IDENTITY key. */
@Entity
@Table(name = "bench_save_child")
public class HibernateSaveChild {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public HibernateSaveParent parent;
    @Column(length = 50) public String name;
    public Integer amount;

    public HibernateSaveChild() {
    }

    public HibernateSaveChild(String name, Integer amount) {
        this.name = name;
        this.amount = amount;
    }
}
