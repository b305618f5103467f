package dev.athanor.quickstart;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.IntegrityError;
import dev.athanor.Row;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.text;

/**
 * A tour of Athanor Core on embedded H2: an engine, a table, an executemany, queries with binds, typed rows mapped
 * to records, and a transaction that rolls back.
 */
public final class Quickstart {

    /** A row of the {@code coffees} table. */
    public record Coffee(int id, String name, String origin, BigDecimal price) {
    }

    private Quickstart() {
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 ? args[0] : "h2:mem:quickstart");
    }

    /** Runs the tour against {@code url}, printing to {@code out}. */
    public static void run(PrintStream out, String url) {
        try (Engine engine = Engine.builder(url).poolSize(2).build()) {
            out.println("Engine: " + engine + " (dialect " + engine.dialectName() + ")");

            engine.begin(conn -> {
                conn.execute(text("CREATE TABLE coffees (id int primary key, name varchar(40) not null, "
                        + "origin varchar(40), price numeric(6, 2))"));
                conn.execute(text("INSERT INTO coffees (id, name, origin, price) VALUES (:id, :name, :origin, :price)"),
                        List.of(Map.of("id", 1, "name", "Yirgacheffe", "origin", "Ethiopia", "price", new BigDecimal("4.50")),
                                Map.of("id", 2, "name", "Huila", "origin", "Colombia", "price", new BigDecimal("3.80")),
                                Map.of("id", 3, "name", "Kona", "origin", "Hawaii", "price", new BigDecimal("9.90")),
                                Map.of("id", 4, "name", "Sidamo", "origin", "Ethiopia", "price", new BigDecimal("4.20"))));
            });
            out.println("Created table coffees and inserted 4 rows in one batch.");

            try (Connection conn = engine.connect()) {
                out.println("\nAll coffees:");
                for (Row row : conn.execute(text("SELECT id, name, origin, price FROM coffees ORDER BY id"))) {
                    out.printf("  %d  %-12s %-9s %s%n", row.get("id", Integer.class), row.get("name"),
                            row.get("origin"), row.get("price"));
                }

                out.println("\nFrom Ethiopia under 5.00, as records:");
                List<Coffee> cheap = conn.execute(text("SELECT id, name, origin, price FROM coffees "
                                + "WHERE origin = :origin AND price < :max ORDER BY price"),
                        Map.of("origin", "Ethiopia", "max", new BigDecimal("5.00"))).mapTo(Coffee.class).all();
                cheap.forEach(c -> out.println("  " + c));

                long count = conn.execute(text("SELECT count(*) FROM coffees WHERE id IN (:ids)"),
                        Map.of("ids", List.of(1, 3, 99))).scalarOne(Long.class);
                out.println("\nCoffees with id in (1, 3, 99): " + count);

                conn.execute(text("UPDATE coffees SET price = price * 2 WHERE origin = :origin"), Map.of("origin", "Hawaii"));
                conn.execute(text("INSERT INTO coffees (id, name) VALUES (1, 'Duplicate')"));
            } catch (IntegrityError e) {
                out.println("\nThe duplicate key was refused (" + e.getClass().getSimpleName() + ", SQLState "
                        + e.sqlState() + "); the connection rolled back, so Kona's price is unchanged:");
            }

            BigDecimal kona = engine.inTransaction(conn -> conn.execute(
                    text("SELECT price FROM coffees WHERE name = :name"), Map.of("name", "Kona")).scalarOne(BigDecimal.class));
            out.println("  Kona costs " + kona);
            out.println("\nPool: " + engine.poolStatus());
        }
    }
}
