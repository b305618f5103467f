package dev.athanor.tck.orm;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;

@Entity(table = "user_permissions")
public class UserPermission {
    @Id public Integer id;
    @Column @ForeignKey("users.id") public Integer userId;
    @Column @ForeignKey("permissions.id") public Integer permissionId;
}
