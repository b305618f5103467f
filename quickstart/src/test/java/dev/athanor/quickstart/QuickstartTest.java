package dev.athanor.quickstart;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The quickstart prints what the README promises. */
class QuickstartTest {

    @Test
    void printsRowsRecordsAndTheRolledBackUpdate() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Quickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "h2:mem:quickstart_test");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("inserted 4 rows in one batch")
                .contains("Yirgacheffe").contains("Kona")
                .contains("Coffee[id=4, name=Sidamo, origin=Ethiopia, price=4.20]")
                .contains("Coffee[id=1, name=Yirgacheffe, origin=Ethiopia, price=4.50]")
                .contains("Coffees with id in (1, 3, 99): 2")
                .contains("IntegrityError")
                .contains("Kona costs 9.90")
                .contains("checkedOut=0");
    }
}
