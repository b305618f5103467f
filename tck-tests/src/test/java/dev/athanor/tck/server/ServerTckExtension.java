package dev.athanor.tck.server;

import org.jboss.arquillian.container.test.spi.client.deployment.ProtocolArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link ServerLibraries}. It acts only on deployments that a protocol wraps in a WAR (the Servlet
 * protocol of the application-server containers); embedded Weld's local protocol never calls it.
 */
public final class ServerTckExtension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ProtocolArchiveProcessor.class, ServerLibraries.class);
    }
}
