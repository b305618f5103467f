package dev.athanor.benchmarks.orm;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

/** Athanor entity of the relationship load workloads: 10,000 rows of {@code bench_child}, 10 per parent. */
@Entity(table = "bench_child")
public class OrmChild {
    @Id public Integer id;
    @Column(index = true) @ForeignKey("bench_parent.id") public Integer parentId;
    @Column(length = 50) public String name;
    @Column public Integer amount;
    @Relationship(backPopulates = "children") public OrmParent parent;

    public OrmChild() {
    }
}
