package dev.athanor.benchmarks.orm;

/** The plain child object of the JDBC relationship baselines, with its key column and its reference to the parent. */
public class JdbcChild {
    public Integer id;
    public Integer parentId;
    public String name;
    public Integer amount;
    public JdbcParent parent;

    public JdbcChild() {
    }

    public JdbcChild(String name, Integer amount) {
        this.name = name;
        this.amount = amount;
    }
}
