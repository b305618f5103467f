package dev.athanor.benchmarks.orm;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

/** Athanor entity of the relationship save workload ({@code bench_save_child}, emptied before every invocation). */
@Entity(table = "bench_save_child")
public class OrmSaveChild {
    @Id public Integer id;
    @Column(index = true) @ForeignKey("bench_save_parent.id") public Integer parentId;
    @Column(length = 50) public String name;
    @Column public Integer amount;
    @Relationship(backPopulates = "children") public OrmSaveParent parent;

    public OrmSaveChild() {
    }

    public OrmSaveChild(String name, Integer amount) {
        this.name = name;
        this.amount = amount;
    }
}
