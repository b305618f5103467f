package dev.athanor.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends the reads of a method (or of every method of a class) to the database's read replicas
 * ({@code athanor.datasource.replicas}), as {@link dev.athanor.Routing#REPLICA} does for one statement. Writes still
 * go to the primary, and so does every read after a write in the same transaction; without replicas it does nothing.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class CatalogService {
 *     @Inject Session session;
 *
 *     @ReadOnly
 *     public List<Product> search(String term) {      // runs on a replica
 *         return session.scalars(select(Product.class).where(Product_.name.contains(term))).all();
 *     }
 * }
 * }</pre>
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadOnly {

    /** An instance of the binding, for {@code BeanManager} look-ups. */
    final class Literal extends AnnotationLiteral<ReadOnly> implements ReadOnly {
        private static final long serialVersionUID = 1L;
        /** The one instance. */
        public static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}
