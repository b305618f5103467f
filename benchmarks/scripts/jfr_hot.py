#!/usr/bin/env python3
"""Hottest frames of a JFR recording: execution samples (self time by method, inclusive time by method of the given
package prefix), or with --alloc the allocation samples (jdk.ObjectAllocationSample, weighted by bytes: by allocating
frame and class, and inclusive by method of the prefix).
Usage: jfr_hot.py [--alloc] profile.jfr [prefix] [top]. Needs the JDK's `jfr` tool on the PATH."""
import collections
import re
import subprocess
import sys


def samples(path, event="jdk.ExecutionSample"):
    """(stack, weight, class) per event: weight 1 for execution samples, bytes for allocation samples."""
    out = subprocess.run(["jfr", "print", "--events", event, "--stack-depth", "96", path],
                         capture_output=True, text=True, check=True).stdout
    stack = None
    weight = 1
    klass = ""
    for line in out.splitlines():
        line = line.strip()
        if line.startswith(event):
            stack, weight, klass = [], 1, ""
        elif stack is not None and line.startswith("weight ="):
            value = line.split("=", 1)[1].strip().replace(",", "")
            number, _, unit = value.partition(" ")
            weight = float(number) * {"bytes": 1, "kB": 1024, "MB": 1024 * 1024, "GB": 1024 ** 3}.get(unit, 1)
        elif stack is not None and line.startswith("objectClass ="):
            klass = line.split("=", 1)[1].strip().split(" ")[0]
        elif stack is not None and re.match(r"^[\w$.<>/]+\(.*\)\s+line:", line):
            stack.append(re.sub(r"\(.*", "", line))
        elif line == "}" and stack is not None:
            yield stack, weight, klass
            stack = None


def main():
    args = sys.argv[1:]
    alloc = "--alloc" in args
    args = [a for a in args if a != "--alloc"]
    path = args[0]
    prefix = args[1] if len(args) > 1 else "dev.athanor"
    top = int(args[2]) if len(args) > 2 else 15
    own = collections.Counter()
    incl = collections.Counter()
    n = 0
    for stack, weight, klass in samples(path, "jdk.ObjectAllocationSample" if alloc else "jdk.ExecutionSample"):
        if not stack:
            continue
        n += weight
        own[(klass + " in " if alloc else "") + stack[0]] += weight
        for frame in set(stack):
            if frame.startswith(prefix):
                incl[frame] += weight
    print(f"{n:.0f} {'bytes sampled' if alloc else 'samples'}")
    print("self:")
    for frame, count in own.most_common(top):
        print(f"  {100.0 * count / n:5.1f}%  {frame}")
    print(f"inclusive ({prefix}*):")
    for frame, count in incl.most_common(top):
        print(f"  {100.0 * count / n:5.1f}%  {frame}")


if __name__ == "__main__":
    main()
