package dev.athanor.tck.cdi.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** The TCK's entity of the default database. */
@Entity(table = "tck_accounts")
public class Account {
    @Id
    public Long id;
    @Column(length = 50, nullable = false)
    public String owner;
    @Column
    public Integer balance;

    public Account() {
    }

    public Account(String owner, int balance) {
        this.owner = owner;
        this.balance = balance;
    }
}
