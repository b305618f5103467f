package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

/** Two foreign keys to the same table: each relationship names its column. */
@Entity(table = "customers")
public class Customer {
    @Id public Integer id;
    @Column(length = 40) public String name;
    @Column @ForeignKey("addresses.id") public Integer billingAddressId;
    @Column @ForeignKey("addresses.id") public Integer shippingAddressId;
    @Relationship(foreignKey = "billing_address_id") public Address billingAddress;
    @Relationship(foreignKey = "shipping_address_id") public Address shippingAddress;
    @Relationship(backPopulates = "customer", deleteOrphan = true) public Profile profile;   // one-to-one

    public Address getBillingAddress() {
        return billingAddress;
    }

    public Profile getProfile() {
        return profile;
    }
}
