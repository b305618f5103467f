package dev.athanor.orm.model.bad;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;
import dev.athanor.orm.model.Group;

import java.util.List;

/** Relationship mistakes: a back side that does not exist, a collection of a class that is no entity. */
@Entity(table = "danglings")
public class Dangling {
    @Id public Integer id;
    @Column public String name;
    @Relationship(backPopulates = "nothing") public List<Group> groups;
    @Relationship public List<String> names;
}
