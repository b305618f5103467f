package dev.athanor.tck.orm;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Now;
import dev.athanor.orm.mapping.Relationship;
import dev.athanor.orm.mapping.SqlType;
import dev.athanor.orm.mapping.UniqueConstraint;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The seed's User, as written in the spec (section 5). */
@Entity(table = "users", uniqueConstraints = @UniqueConstraint({"name", "time_created"}))
public class User {
    @Id public Integer id;
    @Column(length = 30, index = true) public String name;
    @Column(unique = true) public String fullname;
    @Column(type = SqlType.TEXT, deferred = true) private String description;
    @Column(insertDefault = Now.class) public LocalDateTime timeCreated;
    @Column(serverDefault = "CURRENT_TIMESTAMP") public OffsetDateTime timeRegistered;
    @Column(onUpdate = "CURRENT_TIMESTAMP") public OffsetDateTime timeUpdated;
    @Column public int visitCount;
    @Column @ForeignKey("groups.id") public Integer groupId;
    @Relationship(backPopulates = "members") public Group group;
    @Relationship(secondary = "user_permissions", backPopulates = "users")
    public List<Permission> permissions = new ArrayList<>();

    public User() {
    }

    public User(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String d) {
        this.description = d;
    }

    @Override
    public String toString() {
        return "User(" + id + ", " + name + ")";
    }
}
