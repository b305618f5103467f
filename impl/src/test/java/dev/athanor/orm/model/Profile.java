package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

/** The other side of Customer's one-to-one (the key is here). */
@Entity(table = "profiles")
public class Profile {
    @Id public Integer id;
    @Column(length = 80) public String bio;
    @Column @ForeignKey("customers.id") public Integer customerId;
    @Relationship(backPopulates = "profile") public Customer customer;

    public Profile() {
    }

    public Profile(String bio) {
        this.bio = bio;
    }
}
