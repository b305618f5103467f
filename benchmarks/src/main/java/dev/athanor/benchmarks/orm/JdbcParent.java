package dev.athanor.benchmarks.orm;

import java.util.ArrayList;
import java.util.List;

/** The plain parent object of the JDBC relationship baselines: what an ORM gives, written by hand. */
public class JdbcParent {
    public Integer id;
    public String name;
    public List<JdbcChild> children = new ArrayList<>();

    public JdbcParent() {
    }

    public JdbcParent(String name) {
        this.name = name;
    }
}
