#!/usr/bin/env python3
"""Every module declares in Package.swift each module it imports (issue 16 §6).

Reads `swift package dump-package` and every target's sources; prints each
`import X` whose module X is not a direct dependency of the target (a module that
compiles only because a dependency's dependency is visible) and exits 1.
"""
import glob
import json
import re
import subprocess
import sys

SYSTEM = {"Foundation", "FoundationEssentials", "XCTest", "Dispatch", "Glibc", "Darwin", "Synchronization"}
IMPORT = re.compile(r"\s*(?:@testable\s+|@_exported\s+)?import\s+(\w+)")


def main() -> int:
    package = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True,
                                        capture_output=True, text=True).stdout)
    problems = []
    for target in package["targets"]:
        name = target["name"]
        declared = {value[0] for dep in target["dependencies"] for value in dep.values()}
        root = target.get("path") or ("Tests/" if target["type"] == "test" else "Sources/") + name
        for path in sorted(glob.glob(root + "/**/*.swift", recursive=True)):
            with open(path, encoding="utf-8") as source:
                for number, line in enumerate(source, 1):
                    match = IMPORT.match(line)
                    if match and match.group(1) not in SYSTEM | declared | {name}:
                        problems.append(f"{path}:{number}: {name} imports {match.group(1)}, not in its dependencies")
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} undeclared imports: add each module to the target's dependencies in Package.swift")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
