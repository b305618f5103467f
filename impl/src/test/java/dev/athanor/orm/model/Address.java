package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** The target of Customer's two foreign keys. */
@Entity(table = "addresses")
public class Address {
    @Id public Integer id;
    @Column(length = 80) public String street;

    public Address() {
    }

    public Address(String street) {
        this.street = street;
    }
}
