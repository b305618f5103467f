package dev.athanor.orm.model.bad;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;
import dev.athanor.orm.model.Address;

/** Two foreign keys to addresses and a relationship that does not say which: a mapping error. */
@Entity(table = "invoices")
public class Invoice {
    @Id public Integer id;
    @Column @ForeignKey("addresses.id") public Integer fromAddressId;
    @Column @ForeignKey("addresses.id") public Integer toAddressId;
    @Relationship public Address address;
}
