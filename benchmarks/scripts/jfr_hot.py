#!/usr/bin/env python3
"""Hottest frames of a JFR recording (execution samples): self time by method, and inclusive time by method of
the given package prefix. Usage: jfr_hot.py profile.jfr [prefix] [top]. Needs the JDK's `jfr` tool on the PATH."""
import collections
import re
import subprocess
import sys


def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         capture_output=True, text=True, check=True).stdout
    stack = None
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("jdk.ExecutionSample"):
            stack = []
        elif stack is not None and re.match(r"^[\w$.<>/]+\(.*\)\s+line:", line):
            stack.append(re.sub(r"\(.*", "", line))
        elif line == "]" or line.startswith("truncated"):
            pass
        elif line == "}" and stack is not None:
            yield stack
            stack = None


def main():
    path = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else "dev.athanor"
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    own = collections.Counter()
    incl = collections.Counter()
    n = 0
    for stack in samples(path):
        if not stack:
            continue
        n += 1
        own[stack[0]] += 1
        for frame in set(stack):
            if frame.startswith(prefix):
                incl[frame] += 1
    print(f"{n} samples")
    print("self:")
    for frame, count in own.most_common(top):
        print(f"  {100.0 * count / n:5.1f}%  {frame}")
    print(f"inclusive ({prefix}*):")
    for frame, count in incl.most_common(top):
        print(f"  {100.0 * count / n:5.1f}%  {frame}")


if __name__ == "__main__":
    main()
