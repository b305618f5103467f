#!/usr/bin/env python3
"""Issue 14's tables and chart from JMH JSON results (plain Python 3, no packages).

    python3 benchmarks/scripts/ratio_chart.py RESULT.json [MORE.json ...] [-o benchmarks/ratios.svg]
        the chart (Athanor / JDBC and Athanor / Hibernate per workload and database, with the targets) and, on
        stdout, a Markdown table per database: Athanor, Hibernate, JDBC, ratios, allocation per operation.
    python3 benchmarks/scripts/ratio_chart.py --warmup WARMUP.json
        warm-up (runs with -wi 0 -i 10 -r 1): mean of the first second and of the first 10 s, per side.
    python3 benchmarks/scripts/ratio_chart.py --cold COLD.json
        cold start (SingleShotTime, one fork per measurement): mean, median, min, max over the forks.
    python3 benchmarks/scripts/ratio_chart.py --compare BEFORE.json AFTER.json
        the same benchmarks from two builds: time, CPU time and allocation per operation, after / before.

Benchmarks are named <Class>.<workload>_<side>, side athanor, jdbc, hibernate (others are variants, listed in the
table's last column). Side jdbcTracked is the hand-written floor of an ORM with an identity map and snapshots (JDBC
plus a HashMap entry and a snapshot array per object): its ratio to JDBC gets a column and a mark on the chart. The
database is the JMH parameter "db".
"""
import json
import sys
from collections import defaultdict

WORKLOADS = [
    ("getByPk", "get by key, own transaction"),
    ("load1000", "load 1,000"),
    ("insert10000", "insert 10,000 (identity keys)"),
    ("insertOne", "insert one and commit"),
    ("update1000", "load 1,000, change each, commit"),
    ("loadSelectin100", "100 parents x 10 children (selectin)"),
]
NAMES = dict(WORKLOADS)
FLOOR = "jdbcTracked"
DB_NAMES = {"h2": "H2", "postgresql": "PostgreSQL", "mariadb": "MariaDB"}


def target(workload, db):
    """The issue's target for Athanor / JDBC, or None (the issue sets targets for H2 and PostgreSQL only)."""
    if db not in ("h2", "postgresql"):
        return None
    if workload == "insert10000":
        return 1.3
    if db == "h2":
        return 1.5 if workload in ("load1000", "loadSelectin100") else 1.3
    if db == "postgresql":
        return 1.1
    return None


def load(paths):
    """{(workload, db): {side: result}} of every benchmark in the files (a later file replaces an earlier one)."""
    results = defaultdict(dict)
    for path in paths:
        with open(path) as f:
            for run in json.load(f):
                method = run["benchmark"].rsplit(".", 1)[1]
                if "_" not in method:
                    continue
                workload, side = method.split("_", 1)
                db = run.get("params", {}).get("db", "h2")
                results[(workload, db)][side] = run
    return results


def score(run):
    return run["primaryMetric"]["score"]


def error(run):
    value = run["primaryMetric"].get("scoreError")
    return value if isinstance(value, (int, float)) and value == value else 0.0


def unit(run):
    return run["primaryMetric"]["scoreUnit"].replace("/op", "").replace("us", "µs")


def alloc(run):
    metric = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return metric["score"] if metric else None


def cpu(run):
    """CPU time per operation in ns (CpuTimeProfiler), or None."""
    metric = run.get("secondaryMetrics", {}).get("cpu.time.norm") if run else None
    return metric["score"] if metric else None


def fmt_ns(value):
    if value is None:
        return "-"
    if value >= 1e6:
        return f"{value / 1e6:.2f} ms"
    if value >= 1e3:
        return f"{value / 1e3:.1f} µs"
    return f"{value:.0f} ns"


def fmt(value):
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def fmt_bytes(value):
    if value is None:
        return "-"
    if value >= 1024 * 1024:
        return f"{value / 1024 / 1024:.1f} MB"
    if value >= 1024:
        return f"{value / 1024:.1f} KB"
    return f"{value:.0f} B"


def tables(results):
    out = []
    for db in ("h2", "postgresql", "mariadb"):
        rows = [(w, results[(w, db)]) for w, _ in WORKLOADS if (w, db) in results]
        if not rows:
            continue
        out.append(f"\n**{DB_NAMES[db]}** (mean ± 99.9% interval; allocation = `gc.alloc.rate.norm` per operation)\n")
        out.append("| workload | Athanor | Hibernate | JDBC | Athanor / JDBC | target | met | Athanor / Hibernate "
                   "| CPU per op Athanor / Hibernate / JDBC | CPU Athanor / JDBC | met (CPU) "
                   "| allocation Athanor / Hibernate / JDBC | allocation Athanor / JDBC "
                   "| floor / JDBC (time; CPU) | other variants |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for workload, sides in rows:
            a, h, j = sides.get("athanor"), sides.get("hibernate"), sides.get("jdbc")
            if a is None:
                continue
            u = unit(a)
            cell = lambda r: f"{fmt(score(r))} ± {fmt(error(r))} {u}" if r else "-"
            rj = score(a) / score(j) if j else None
            rh = score(a) / score(h) if h else None
            t = target(workload, db)
            met = "-" if rj is None or t is None else ("yes" if rj <= t else "**no**")
            allocs = " / ".join(fmt_bytes(alloc(r)) if r else "-" for r in (a, h, j))
            ra = (f"{alloc(a) / alloc(j):.2f}" if j and alloc(a) and alloc(j) else "-")
            variants = ", ".join(f"{side} {fmt(score(r))} {u}" for side, r in sorted(sides.items())
                                 if side not in ("athanor", "hibernate", "jdbc"))
            floor = sides.get(FLOOR)
            floor_cell = "-"
            if floor and j:
                floor_cpu = cpu(floor) / cpu(j) if cpu(floor) and cpu(j) else None
                floor_cell = f"{score(floor) / score(j):.2f}; " + (f"{floor_cpu:.2f}" if floor_cpu else "-")
            ratio = f"**{rj:.2f}**" if rj is not None else "-"
            versus = f"{rh:.2f}" if rh is not None else "-"
            cpus = " / ".join(fmt_ns(cpu(r)) for r in (a, h, j))
            rc = cpu(a) / cpu(j) if cpu(a) and cpu(j) else None
            met_cpu = "-" if rc is None or t is None else ("yes" if rc <= t else "**no**")
            out.append(f"| {NAMES[workload]} | {cell(a)} | {cell(h)} | {cell(j)} | {ratio} | {t or '-'} | {met} "
                       f"| {versus} | {cpus} | {f'**{rc:.2f}**' if rc else '-'} | {met_cpu} | {allocs} | {ra} "
                       f"| {floor_cell} | {variants or '-'} |")
    return "\n".join(out)


def svg(results, path):
    """Horizontal bars: per workload and database, Athanor / JDBC (dark) and Athanor / Hibernate (light)."""
    entries = []
    for workload, label in WORKLOADS:
        for db in ("h2", "postgresql", "mariadb"):
            sides = results.get((workload, db))
            if not sides or "athanor" not in sides:
                continue
            a = score(sides["athanor"])
            rj = a / score(sides["jdbc"]) if "jdbc" in sides else None
            rh = a / score(sides["hibernate"]) if "hibernate" in sides else None
            ca, cj = cpu(sides["athanor"]), cpu(sides.get("jdbc"))
            rc = ca / cj if ca and cj else None
            floor = score(sides[FLOOR]) / score(sides["jdbc"]) if FLOOR in sides and "jdbc" in sides else None
            entries.append((f"{label} · {DB_NAMES[db]}", rj, rc, rh, target(workload, db), floor))
    top, left, bar, gap, width = 60, 330, 11, 10, 520
    height = top + len(entries) * (3 * bar + gap) + 60
    scale_max = max([3.0] + [r for e in entries for r in e[1:4] if r is not None])
    scale_max = min(scale_max, 6.0)
    x = lambda ratio: left + width * min(ratio, scale_max) / scale_max
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{max(left + width + 80, 900)}" height="{height}" '
             f'font-family="sans-serif" font-size="12">',
             f'<rect width="100%" height="100%" fill="white"/>',
             f'<text x="10" y="22" font-size="15" font-weight="bold">Athanor ORM: time relative to hand-written '
             f'JDBC and to Hibernate ORM (lower is better; 1 = same time)</text>',
             f'<rect x="10" y="34" width="12" height="10" fill="#1f5fa8"/><text x="27" y="43">Athanor / JDBC</text>',
             f'<rect x="120" y="34" width="12" height="10" fill="#2e9e5b"/>'
             f'<text x="137" y="43">Athanor / JDBC, CPU time</text>',
             f'<rect x="290" y="34" width="12" height="10" fill="#9cc3ec"/>'
             f'<text x="307" y="43">Athanor / Hibernate</text>',
             f'<line x1="440" y1="39" x2="460" y2="39" stroke="#c0392b" stroke-width="2" stroke-dasharray="4,2"/>'
             f'<text x="465" y="43">target (Athanor / JDBC)</text>',
             f'<line x1="640" y1="33" x2="640" y2="45" stroke="black" stroke-width="3"/>'
             f'<text x="646" y="43">floor: JDBC + identity map + snapshots</text>']
    tick = 0.5
    value = 0.0
    while value <= scale_max + 1e-9:
        parts.append(f'<line x1="{x(value):.1f}" y1="{top - 5}" x2="{x(value):.1f}" y2="{height - 45}" '
                     f'stroke="{"#444" if value == 1.0 else "#ddd"}" stroke-width="{1.5 if value == 1.0 else 1}"/>')
        parts.append(f'<text x="{x(value):.1f}" y="{height - 30}" text-anchor="middle">{value:g}</text>')
        value += tick
    y = top
    for label, rj, rc, rh, t, floor in entries:
        parts.append(f'<text x="{left - 8}" y="{y + int(1.5 * bar) + 4}" text-anchor="end">{label}</text>')
        for row, (ratio, color) in enumerate(((rj, "#1f5fa8"), (rc, "#2e9e5b"), (rh, "#9cc3ec"))):
            if ratio is None:
                continue
            yy = y + row * bar
            parts.append(f'<rect x="{left}" y="{yy}" width="{x(ratio) - left:.1f}" height="{bar - 1}" fill="{color}"/>')
            parts.append(f'<text x="{x(ratio) + 4:.1f}" y="{yy + bar - 2}" font-size="10">{ratio:.2f}'
                         f'{"+" if ratio > scale_max else ""}</text>')
        if t:
            parts.append(f'<line x1="{x(t):.1f}" y1="{y - 2}" x2="{x(t):.1f}" y2="{y + 3 * bar + 1}" '
                         f'stroke="#c0392b" stroke-width="2" stroke-dasharray="4,2"/>')
        if floor:
            parts.append(f'<line x1="{x(floor):.1f}" y1="{y - 1}" x2="{x(floor):.1f}" y2="{y + bar}" '
                         f'stroke="black" stroke-width="3"/>')
        y += 3 * bar + gap
    parts.append(f'<text x="{left}" y="{height - 10}" fill="#555">ratio of mean times per operation, one JMH run '
                 f'per database (benchmarks/README.md)</text>')
    parts.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(parts) + "\n")


def warmup(paths):
    out = ["| workload | db | side | mean of the first second | mean of the first 10 s | steady (iterations 6-10) |",
           "|---|---|---|---|---|---|"]
    for (workload, db), sides in sorted(load(paths).items()):
        for side in ("athanor", "hibernate", "jdbc"):
            run = sides.get(side)
            if not run:
                continue
            raw = run["primaryMetric"]["rawData"]   # [fork][iteration], each an iteration's mean
            first = sum(fork[0] for fork in raw) / len(raw)
            ten = sum(sum(fork[:10]) / len(fork[:10]) for fork in raw) / len(raw)
            steady = sum(sum(fork[5:10]) / max(1, len(fork[5:10])) for fork in raw) / len(raw)
            u = unit(run)
            out.append(f"| {NAMES.get(workload, workload)} | {DB_NAMES.get(db, db)} | {side} | {fmt(first)} {u} "
                       f"| {fmt(ten)} {u} | {fmt(steady)} {u} |")
    return "\n".join(out)


def cold(paths):
    out = ["| benchmark | forks | mean | median | min | max |", "|---|---|---|---|---|---|"]
    for path in paths:
        with open(path) as f:
            for run in json.load(f):
                raw = sorted(v for fork in run["primaryMetric"]["rawData"] for v in fork)
                u = unit(run)
                median = (raw[(len(raw) - 1) // 2] + raw[len(raw) // 2]) / 2   # one slow fork moves the mean only
                out.append(f"| `{run['benchmark'].rsplit('.', 1)[1]}` | {len(raw)} | {fmt(sum(raw) / len(raw))} {u} "
                           f"| {fmt(median)} {u} | {fmt(min(raw))} {u} | {fmt(max(raw))} {u} |")
    return "\n".join(out)


def compare(before_path, after_path):
    before, after = load([before_path]), load([after_path])
    out = ["| workload | db | benchmark | time before → after | CPU before → after | allocation before → after "
           "| allocation after / before |", "|---|---|---|---|---|---|---|"]
    for (workload, db), sides in sorted(after.items()):
        for side, run in sorted(sides.items()):
            old = before.get((workload, db), {}).get(side)
            if old is None:
                continue
            u = unit(run)
            ra = f"{alloc(run) / alloc(old):.2f}" if alloc(run) and alloc(old) else "-"
            out.append(f"| {NAMES.get(workload, workload)} | {DB_NAMES.get(db, db)} | `{workload}_{side}` "
                       f"| {fmt(score(old))} → {fmt(score(run))} {u} | {fmt_ns(cpu(old))} → {fmt_ns(cpu(run))} "
                       f"| {fmt_bytes(alloc(old))} → {fmt_bytes(alloc(run))} | {ra} |")
    return "\n".join(out)


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return
    if argv[0] == "--warmup":
        print(warmup(argv[1:]))
        return
    if argv[0] == "--compare":
        print(compare(argv[1], argv[2]))
        return
    if argv[0] == "--cold":
        print(cold(argv[1:]))
        return
    output = "benchmarks/ratios.svg"
    if "-o" in argv:
        i = argv.index("-o")
        output = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    results = load(argv)
    svg(results, output)
    print(tables(results))
    print(f"\n(chart written to {output})")


if __name__ == "__main__":
    main(sys.argv[1:])
