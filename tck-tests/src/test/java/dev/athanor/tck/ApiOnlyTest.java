package dev.athanor.tck;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The TCK must run unchanged against any implementation, so it may not import the implementation's classes. */
class ApiOnlyTest {

    @Test
    void noTckSourceImportsTheImplementation() throws IOException {
        Path sources = Path.of("src/test/java");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith("ApiOnlyTest.java"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("dev.athanor" + ".impl");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offenders).as("TCK sources that reference the implementation").isEmpty();
        assertThat(sources.resolve("dev/athanor/tck/CoreComplianceTest.java")).exists();
    }
}
