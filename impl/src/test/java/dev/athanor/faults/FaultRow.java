package dev.athanor.faults;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/**
 * One row written by one transaction of the fault suite's load; {@code token} names the transaction, so that a
 * lost or duplicated commit shows. No unique constraint on purpose: a duplicate must be seen, not refused.
 */
@Entity(table = "fault_rows")
public class FaultRow {
    @Id public Long id;
    @Column(length = 40) public String token;
    @Column public int worker;

    public FaultRow() {
    }

    public FaultRow(String token, int worker) {
        this.token = token;
        this.worker = worker;
    }
}
