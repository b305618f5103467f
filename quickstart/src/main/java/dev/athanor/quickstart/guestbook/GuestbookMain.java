package dev.athanor.quickstart.guestbook;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

/**
 * Runs the guestbook in Weld SE: booting the container deploys the beans (the {@link Tour} runs when the
 * application scope starts), then the container shuts down and the pool is closed. Configuration:
 * {@code META-INF/microprofile-config.properties} (embedded H2), overridable by system properties such as
 * {@code -Dathanor.datasource.url=jdbc:postgresql://localhost/app}.
 */
public final class GuestbookMain {
    private GuestbookMain() {
    }

    public static void main(String[] args) {
        try (SeContainer container = SeContainerInitializer.newInstance().initialize()) {
            System.out.println("Container up: " + container.getBeanManager().getBeans(Guestbook.class).size()
                    + " Guestbook bean; shutting down.");
        }
    }
}
