package dev.athanor.processor;

import org.junit.jupiter.api.Test;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness the metamodel processor's tests stand on: compiles against athanor-api and runs processors. */
class InMemoryCompilerTest {

    @Test
    void compilesCodeThatUsesTheApiWithoutWarnings() throws IOException {
        InMemoryCompiler.Compilation result = InMemoryCompiler.compile(Map.of("demo.Queries", """
                package demo;

                import dev.athanor.TextClause;
                import static dev.athanor.Sql.text;

                public final class Queries {
                    public static final TextClause BY_NAME = text("SELECT id FROM users WHERE name = :name");
                }
                """));
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.success()).isTrue();
        assertThat(result.classOutput().resolve("demo/Queries.class")).exists();
    }

    @Test
    void reportsErrorsOfBadCode() throws IOException {
        InMemoryCompiler.Compilation result = InMemoryCompiler.compile(Map.of("demo.Bad", """
                package demo;
                public final class Bad { dev.athanor.NoSuchType field; }
                """));
        assertThat(result.success()).isFalse();
        assertThat(result.errors()).anyMatch(e -> e.contains("NoSuchType"));
    }

    /** A processor that writes one class per annotated type, as the metamodel processor will. */
    @SupportedAnnotationTypes("java.lang.Deprecated")
    static final class SuffixProcessor extends AbstractProcessor {
        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            for (var element : round.getElementsAnnotatedWith(Deprecated.class)) {
                String name = element.getSimpleName() + "_";
                try (Writer out = processingEnv.getFiler().createSourceFile("demo." + name, element).openWriter()) {
                    out.write("package demo;\npublic final class " + name + " { private " + name + "() { } }\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return false;
        }
    }

    @Test
    void runsProcessorsAndExposesTheirGeneratedSources() throws IOException {
        InMemoryCompiler.Compilation result = InMemoryCompiler.compile(Map.of("demo.User", """
                package demo;
                @Deprecated public class User { }
                """), new SuffixProcessor());
        assertThat(result.success()).isTrue();
        assertThat(result.generatedSource("demo.User_")).contains("public final class User_");
        assertThat(result.classOutput().resolve("demo/User_.class")).exists();
    }
}
