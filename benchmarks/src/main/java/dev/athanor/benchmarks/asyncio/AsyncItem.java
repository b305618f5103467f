package dev.athanor.benchmarks.asyncio;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** The row read by key in {@link AsyncSessionBenchmark}: 10,000 of them, never written during a run. */
@Entity(table = "bench_async_items")
public class AsyncItem {
    @Id public Integer id;
    @Column(length = 50) public String name;
    @Column public Integer quantity;

    public AsyncItem() {
    }

    public AsyncItem(Integer id, String name, Integer quantity) {
        this.id = id;
        this.name = name;
        this.quantity = quantity;
    }
}
