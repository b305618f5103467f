package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;

/** A composite primary key. */
@Entity(table = "user_roles", primaryKey = {"userId", "role"})
public class UserRole {
    @Column public Integer userId;
    @Column(length = 20) public String role;
    @Column public String grantedBy;
}
