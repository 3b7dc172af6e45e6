#!/usr/bin/env python3
"""Fill the password hashes of deploy/rabbitmq/definitions.json from a secrets file.

Usage: render-definitions.py [--arguments-as-policies] DEFINITIONS SECRETS_ENV OUT
SECRETS_ENV holds lines `AMQP_PASSWORD_<USER>=...` (user upper-cased, '-' as '_').
The committed definitions carry no passwords; development passwords live only
under .local/.

--arguments-as-policies (deploy/local/cluster.sh, docs/operations.md): every queue
keeps only `x-queue-type` as a fixed argument; its other arguments (delivery limit,
dead-letter exchange and strategy, overflow) become policies, one per set of equal
arguments, applied to exactly those queues. A policy can be changed on a running
cluster (`rabbitmqctl set_policy`); a queue argument cannot, short of deleting the
queue.
"""
import base64, hashlib, json, os, re, sys

# x-<argument> -> the policy key that sets the same thing
POLICY_KEYS = {
    "x-delivery-limit": "delivery-limit",
    "x-dead-letter-exchange": "dead-letter-exchange",
    "x-dead-letter-routing-key": "dead-letter-routing-key",
    "x-dead-letter-strategy": "dead-letter-strategy",
    "x-overflow": "overflow",
    "x-max-length": "max-length",
    "x-max-length-bytes": "max-length-bytes",
    "x-message-ttl": "message-ttl",
    "x-expires": "expires",
}

def arguments_as_policies(d: dict) -> None:
    groups: dict = {}
    for q in d["queues"]:
        args = q.get("arguments", {})
        moved = {POLICY_KEYS[k]: v for k, v in args.items() if k in POLICY_KEYS}
        q["arguments"] = {k: v for k, v in args.items() if k not in POLICY_KEYS}
        if moved:
            key = (q["vhost"], json.dumps(moved, sort_keys=True))
            groups.setdefault(key, []).append(q["name"])
    policies = [p for p in d.get("policies", [])]
    for n, ((vhost, definition), names) in enumerate(sorted(groups.items())):
        policies.append({
            "vhost": vhost,
            "name": "wage-queues" if len(groups) == 1 else f"wage-queues-{n + 1}",
            "pattern": "^(" + "|".join(re.escape(x) for x in sorted(names)) + ")$",
            "apply-to": "queues",
            "priority": 0,
            "definition": json.loads(definition),
        })
    d["policies"] = policies

def rabbit_sha256(password: str) -> str:
    salt = os.urandom(4)
    return base64.b64encode(salt + hashlib.sha256(salt + password.encode()).digest()).decode()

def main() -> int:
    argv = sys.argv[1:]
    as_policies = "--arguments-as-policies" in argv
    argv = [a for a in argv if a != "--arguments-as-policies"]
    src, secrets_path, out = argv[0:3]
    secrets = {}
    with open(secrets_path) as f:
        for line in f:
            key, _, value = line.strip().partition("=")
            if key: secrets[key] = value
    d = json.load(open(src))
    for user in d["users"]:
        key = "AMQP_PASSWORD_" + user["name"].upper().replace("-", "_")
        if key not in secrets:
            print(f"render-definitions: no {key} in {secrets_path}", file=sys.stderr)
            return 1
        user["password_hash"] = rabbit_sha256(secrets[key])
    if as_policies:
        arguments_as_policies(d)
    with open(out, "w") as f:
        json.dump(d, f, indent=2, ensure_ascii=False)
    os.chmod(out, 0o640)
    return 0

if __name__ == "__main__":
    sys.exit(main())
