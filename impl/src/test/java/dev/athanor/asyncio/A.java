package dev.athanor.asyncio;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** The entity of the spec's section 11 example. */
@Entity(table = "a")
public class A {
    @Id public Integer id;
    @Column public String data;

    public A() {
    }

    public A(String data) {
        this.data = data;
    }
}
