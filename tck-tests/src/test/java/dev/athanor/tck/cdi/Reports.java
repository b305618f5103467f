package dev.athanor.tck.cdi;

import dev.athanor.orm.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A bean that needs the default database's Session, for deployments that lack or break its configuration. */
@ApplicationScoped
public class Reports {
    @Inject Session session;
}
