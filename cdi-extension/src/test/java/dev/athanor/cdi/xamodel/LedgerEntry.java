package dev.athanor.cdi.xamodel;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** An entity of the second database in the XA tests ({@code athanor."ledger".packages}). */
@Entity(table = "cdi_ledger")
public class LedgerEntry {
    @Id
    public Long id;
    @Column(length = 100)
    public String text;

    public LedgerEntry() {
    }

    public LedgerEntry(String text) {
        this.text = text;
    }
}
