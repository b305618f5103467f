package dev.athanor.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that runs against the test database: tagged {@code database} (so the all-databases profile
 * runs it on each database) and given an {@link dev.athanor.Engine} and the {@link TestDatabase} as parameters, with
 * an empty schema before each test.
 *
 * {@snippet :
 * @DatabaseTest
 * class MyTest {
 *     @Test
 *     void inserts(Engine engine, TestDatabase db) { ... }
 * }
 * }
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("database")
@ExtendWith(DatabaseExtension.class)
public @interface DatabaseTest {
}
