package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

/** See {@link Department}. */
@Entity(table = "employees")
public class Employee {
    @Id public Integer id;
    @Column(length = 40) public String name;
    @Column @ForeignKey("departments.id") public Integer departmentId;
    @Relationship(backPopulates = "staff", foreignKey = "department_id") public Department department;

    public Employee() {
    }

    public Employee(String name) {
        this.name = name;
    }
}
