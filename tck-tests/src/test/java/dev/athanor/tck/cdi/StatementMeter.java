package dev.athanor.tck.cdi;

import dev.athanor.EngineListener;
import dev.athanor.StatementEvent;
import dev.athanor.cdi.Database;
import dev.athanor.cdi.StatementExecuted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Meters statements both ways: a CDI observer of every database's events, and a listener of the "orders" engine. */
@ApplicationScoped
public class StatementMeter {
    private final List<StatementExecuted> observed = new CopyOnWriteArrayList<>();
    private final List<StatementExecuted> observedOrders = new CopyOnWriteArrayList<>();

    void all(@Observes StatementExecuted event) {
        observed.add(event);
    }

    void orders(@Observes @Database("orders") StatementExecuted event) {
        observedOrders.add(event);
    }

    public List<StatementExecuted> observed() {
        return observed;
    }

    public List<StatementExecuted> observedOrders() {
        return observedOrders;
    }

    public void clear() {
        observed.clear();
        observedOrders.clear();
    }

    /** An {@code EngineListener} bean: the extension adds it to the engine of its qualifier, "orders". */
    @ApplicationScoped
    @Database("orders")
    public static class OrdersListener implements EngineListener {
        private final List<String> sql = new CopyOnWriteArrayList<>();

        @Override
        public void afterExecute(StatementEvent event) {
            sql.add(event.sql());
        }

        public List<String> sql() {
            return sql;
        }
    }
}
