package dev.athanor.reliability;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** An entity on a table whose name is a reserved word on H2 ({@code groups}), created by hand-written DDL. */
@Entity(table = "groups")
public class Crew {
    @Id(generated = false) public Integer id;
    @Column(length = 50) public String name;
}
