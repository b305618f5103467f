package dev.athanor.orm.model.bad;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;
import dev.athanor.orm.model.Group;

/** backPopulates names a relationship the other class does not have. */
@Entity(table = "wrong_backs")
public class WrongBack {
    @Id public Integer id;
    @Column @ForeignKey("groups.id") public Integer groupId;
    @Relationship(backPopulates = "nothing") public Group group;
}
