#!/usr/bin/env python3
"""Checks without a Docker engine that the image build can see every folder
Package.swift declares: each target's folder (Sources/<name>, Tests/<name>, or
its `path:`) must lie under a directory the Dockerfile's build stage COPYs.

usage: deploy/local/check-dockerfile.py [REPO]   (exit 1 with the missing folders)
"""
import re
import sys
from pathlib import Path

repo = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2])
package = (repo / "Package.swift").read_text(encoding="utf-8")
dockerfile = (repo / "deploy/docker/Dockerfile").read_text(encoding="utf-8")

# The build stage: from the first FROM to the second.
stages = re.split(r"(?m)^FROM\s", dockerfile)
build_stage = stages[1] if len(stages) > 1 else dockerfile
copied = set()
for match in re.finditer(r"(?m)^COPY\s+(?!--from)(.+)$", build_stage):
    parts = match.group(1).split()
    for source in parts[:-1]:
        copied.add(source.strip("./").rstrip("/") or ".")

def calls(text):
    """Each `.target(…)`-like call of Package.swift: (kind, its argument text)."""
    for match in re.finditer(r"\.(testTarget|target|executableTarget|systemLibrary)\(", text):
        depth, i = 1, match.end()
        while depth and i < len(text):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        yield match.group(1), text[match.end():i - 1]

folders = []
for kind, arguments in calls(package):
    name = re.match(r'\s*name:\s*"([^"]+)"', arguments)
    if not name:
        continue
    explicit = re.search(r'\bpath:\s*"([^"]+)"', arguments)
    if explicit:
        folders.append(explicit.group(1))
    else:
        folders.append(("Tests/" if kind == "testTarget" else "Sources/") + name.group(1))

missing = []
for folder in folders:
    top = folder.split("/")[0]
    if top not in copied and folder not in copied:
        missing.append(folder)
    elif not (repo / folder).is_dir():
        missing.append(folder + " (declared but absent from the repository)")

if missing:
    print("check-dockerfile: the image build would not see: " + ", ".join(sorted(set(missing))), file=sys.stderr)
    print("  add a COPY line for each to deploy/docker/Dockerfile", file=sys.stderr)
    sys.exit(1)
print(f"check-dockerfile: {len(folders)} target folders, all copied by the build stage ({', '.join(sorted(copied))})")

# docker-compose.yml: each application container gets its own principal's two
# secrets and no other credentials (docs/operations.md, "Secrets").
compose = (repo / "docker-compose.yml").read_text(encoding="utf-8")
services = re.split(r"(?m)^  (?=[a-z][a-z0-9-]*:\s*$)", compose.split("\nservices:\n", 1)[1].split("\nsecrets:\n", 1)[0])
problems = []
checked = 0
for block in services:
    name = block.split(":", 1)[0].strip()
    if "<<: *app" not in block:
        continue
    checked += 1
    command = re.search(r"command:\s*\[(.*)\]", block).group(1)
    code = "router" if "wage-router" in command else (re.search(r'"--as", "([a-z]+)"', command) or
                                                       re.search(r'"worker-([a-z]+)"', command)).group(1)
    secrets = re.search(r"secrets:\s*\[(.*)\]", block)
    expected = {f"WAGE_AMQP_URL_{code.upper()}", f"WAGE_DATABASE_URL_{code.upper()}"}
    given = {s.strip() for s in secrets.group(1).split(",")} if secrets else set()
    if given != expected:
        problems.append(f"{name} gets secrets {sorted(given)}, expected {sorted(expected)}")
    if re.search(r"WAGE_(AMQP|DATABASE)_URL|WAGE_PW_", re.sub(r"(?m)^\s*secrets:.*$", "", block)):
        problems.append(f"{name} receives credentials in its environment")
if "x-urls" in compose or checked == 0:
    problems.append("the compose file hands URLs to every container (x-urls) or has no application container")
if problems:
    print("check-dockerfile: docker-compose.yml: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"check-dockerfile: docker-compose.yml gives each of {checked} application containers only its own two secrets")

# Health checks: every long-running service has one; each application container's
# asks its own process's /readyz, on the port HealthEndpoint gives it
# (WAGE_HTTP_BASE_PORT 9400 + the offset of its key in HealthEndpoint.processKeys).
endpoint = (repo / "Sources/HealthServer/HealthEndpoint.swift").read_text(encoding="utf-8")
keys = re.findall(r'"([A-Z_]+)"', re.search(r"processKeys = \[(.*?)\]", endpoint, re.S).group(1))
base = int(re.search(r"defaultBasePort = (\d+)", endpoint).group(1))
one_shot = set(re.findall(r"([a-z][a-z0-9-]*): \{ condition: service_completed_successfully \}", compose))
healthy = 0
for block in services:
    name = block.split(":", 1)[0].strip()
    if not re.match(r"[a-z]", name) or name in one_shot:
        continue
    check = re.search(r"(?m)^    healthcheck:\s*\{\s*test:\s*\[(.*?)\]", block)
    if not check:
        problems.append(f"{name} has no healthcheck")
        continue
    healthy += 1
    if "<<: *app" not in block:
        continue
    command = re.search(r"command:\s*\[(.*)\]", block).group(1)
    code = "router" if "wage-router" in command else (re.search(r'"--as", "([a-z]+)"', command) or
                                                       re.search(r'"worker-([a-z]+)"', command)).group(1)
    key = "ROUTER" if code == "router" else "WORKER_" + code.upper()
    expected = f"http://127.0.0.1:{base + keys.index(key)}/readyz"
    if expected not in check.group(1):
        problems.append(f"{name}'s healthcheck does not ask {expected} (its process key is {key})")
    if "WAGE_HTTP_HOST: 0.0.0.0" not in block:
        problems.append(f"{name} does not set WAGE_HTTP_HOST: 0.0.0.0 (its /metrics could not be scraped)")
if problems:
    print("check-dockerfile: docker-compose.yml: " + "; ".join(problems), file=sys.stderr)
    print("  give each service a healthcheck; an application container's asks its own /readyz", file=sys.stderr)
    sys.exit(1)
print(f"check-dockerfile: {healthy} long-running services have a healthcheck; {checked} ask their own /readyz")
