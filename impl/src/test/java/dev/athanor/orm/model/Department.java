package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.List;

/** A cycle between two tables: a department has a manager, an employee a department. */
@Entity(table = "departments")
public class Department {
    @Id public Integer id;
    @Column(length = 40) public String name;
    @Column @ForeignKey("employees.id") public Integer managerId;
    @Relationship(foreignKey = "manager_id") public Employee manager;
    @Relationship(backPopulates = "department", foreignKey = "department_id")
    public List<Employee> staff = new ArrayList<>();
}
