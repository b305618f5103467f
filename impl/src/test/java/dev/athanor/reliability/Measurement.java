package dev.athanor.reliability;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** A floating-point value mapped by the ORM, for the non-finite value rules. */
@Entity(table = "measurements")
public class Measurement {
    @Id(generated = false) public Integer id;
    @Column public double reading;
}
