package dev.athanor.testing;

import dev.athanor.Engine;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests their database: resolves {@link TestDatabase} and {@link Engine} parameters (one engine per test
 * class, disposed after it) and drops every table before each test.
 */
public final class DatabaseExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatabaseExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        TestDatabase.current().resetSchema();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Engine.class || type == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == TestDatabase.class) {
            return TestDatabase.current();
        }
        // Method-level contexts close after each test; the engine belongs to the class's context.
        ExtensionContext owner = context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent("engine", key -> new EngineResource(), EngineResource.class).engine;
    }

    /** The class's engine, disposed when the class's store closes. */
    private static final class EngineResource implements ExtensionContext.Store.CloseableResource {
        final Engine engine = TestDatabase.current().builder().poolSize(2).build();

        @Override
        public void close() {
            engine.dispose();
        }
    }
}
