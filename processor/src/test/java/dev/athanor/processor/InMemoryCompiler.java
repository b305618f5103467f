package dev.athanor.processor;

import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compiles Java sources with the JDK's compiler API, optionally running annotation processors, against the test
 * class path; generated sources and classes go to a temporary directory the test can read.
 */
final class InMemoryCompiler {

    /** The outcome: success, the compiler's diagnostics, and where generated files went. */
    record Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path sourceOutput,
            Path classOutput) {

        List<String> errors() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getMessage(null)).toList();
        }

        List<String> warnings() {
            return diagnostics.stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                    .map(d -> d.getMessage(null)).toList();
        }

        /** The generated source of a class, by fully qualified name. */
        String generatedSource(String className) throws IOException {
            return Files.readString(sourceOutput.resolve(className.replace('.', '/') + ".java"));
        }
    }

    private InMemoryCompiler() {
    }

    /** Compiles {@code sources} (class name to source text) with {@code -Xlint:all} and the given processors. */
    static Compilation compile(Map<String, String> sources, Processor... processors) throws IOException {
        return compile(Files.createTempDirectory("athanor-compile"), sources, processors);
    }

    /**
     * Compiles as {@link #compile(Map, Processor...)} does, with the outputs under {@code root} ({@code generated/},
     * {@code classes/}), which may hold the outputs of a previous compilation, as in an incremental build.
     * Without processors, none runs: not even those the class path declares as services (this module's own).
     */
    static Compilation compile(Path root, Map<String, String> sources, Processor... processors) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path sourceOutput = Files.createDirectories(root.resolve("generated"));
        Path classOutput = Files.createDirectories(root.resolve("classes"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
            files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(sourceOutput.toFile()));
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classOutput.toFile()));
            List<File> classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(File::new).toList();
            files.setLocation(StandardLocation.CLASS_PATH, classPath);
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, text) -> units.add(new Source(name, text)));
            List<String> options = new ArrayList<>(List.of("-Xlint:all", "--release", "17", "-implicit:none"));
            if (processors.length == 0) {
                options.add("-proc:none");
            }
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics, options, null, units);
            if (processors.length > 0) {
                task.setProcessors(List.of(processors));
            }
            boolean success = task.call();
            return new Compilation(success, diagnostics.getDiagnostics(), sourceOutput, classOutput);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
