package dev.athanor.benchmarks.orm;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Athanor entity of the relationship save workload ({@code bench_save_parent}, emptied before every invocation). */
@Entity(table = "bench_save_parent")
public class OrmSaveParent {
    @Id public Integer id;
    @Column(length = 50) public String name;
    @Relationship(backPopulates = "parent") public List<OrmSaveChild> children = new ArrayList<>();

    public OrmSaveParent() {
    }

    public OrmSaveParent(String name) {
        this.name = name;
    }
}
