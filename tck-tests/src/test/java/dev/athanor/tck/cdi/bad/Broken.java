package dev.athanor.tck.cdi.bad;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;

/** Compiles, but cannot be mapped: no primary key, and a field type without an SQL type. */
@Entity(table = "tck_broken")
public class Broken {
    @Column
    public String name;
    @Column
    public Thread worker;
}
