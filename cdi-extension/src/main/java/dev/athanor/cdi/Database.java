package dev.athanor.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Chooses a named database: on an injection point it selects that database's beans, on an {@code @Entity} class it
 * maps the entity in that database only. The default database (keys {@code athanor.datasource.*}) needs no
 * qualifier; a named one is configured with the keys {@code athanor."name".datasource.*}.
 *
 * <pre>{@code
 * @Inject @Database("orders") Session orders;   // athanor."orders".datasource.url=jdbc:postgresql://.../orders
 *
 * @Entity(table = "invoices") @Database("orders")
 * public class Invoice { ... }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Database {

    /** The database's name, as in the configuration keys {@code athanor."name".…}. */
    String value();

    /** An instance of the qualifier, for {@code Instance.select(...)} and {@code BeanManager} look-ups. */
    final class Literal extends AnnotationLiteral<Database> implements Database {
        private static final long serialVersionUID = 1L;
        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "value");
        }

        /** {@code @Database(name)}. */
        public static Literal of(String name) {
            return new Literal(name);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
