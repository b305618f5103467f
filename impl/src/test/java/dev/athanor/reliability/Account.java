package dev.athanor.reliability;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** A row two transactions fight over (deadlocks, serialization failures). */
@Entity(table = "accounts")
public class Account {
    @Id(generated = false) public Integer id;
    @Column public long balance;
}
