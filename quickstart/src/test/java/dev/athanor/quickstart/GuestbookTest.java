package dev.athanor.quickstart;

import dev.athanor.quickstart.guestbook.GuestbookMain;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The CDI guestbook prints what the README promises, in Weld SE with Narayana. */
class GuestbookTest {

    @Test
    void signsCommitsRollsBackAndLists() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            GuestbookMain.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        original.print(out);
        assertThat(out).contains("CDI guestbook on Engine(jdbc:h2:mem:guestbook")
                .contains("Signed 2 entries")
                .contains("its JTA transaction rolled back both flushed rows")
                .contains("The refusal was recorded in a transaction of its own (REQUIRES_NEW), which committed.")
                .contains("Entries by ada: [ada: Hello from an injected Session]")
                .contains("1  ada: Hello from an injected Session")
                .contains("2  grace: @Transactional committed me")
                .doesNotContain("3  ada: first of three")
                .contains("checkedOut=1")
                .contains("Container up: 1 Guestbook bean");
    }
}
