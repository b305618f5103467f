package dev.athanor.tck.orm;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.List;

@Entity(table = "permissions")
public class Permission {
    @Id public Integer id;
    @Column public String name;
    @Relationship(secondary = "user_permissions", backPopulates = "permissions")
    public List<User> users = new ArrayList<>();
}
