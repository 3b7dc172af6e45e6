#!/usr/bin/env python3
"""Fill the password hashes of deploy/rabbitmq/definitions.json from a secrets file.

Usage: render-definitions.py DEFINITIONS SECRETS_ENV OUT
SECRETS_ENV holds lines `AMQP_PASSWORD_<USER>=...` (user upper-cased, '-' as '_').
The committed definitions carry no passwords; development passwords live only
under .local/.
"""
import base64, hashlib, json, os, sys

def rabbit_sha256(password: str) -> str:
    salt = os.urandom(4)
    return base64.b64encode(salt + hashlib.sha256(salt + password.encode()).digest()).decode()

def main() -> int:
    src, secrets_path, out = sys.argv[1:4]
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
    with open(out, "w") as f:
        json.dump(d, f, indent=2, ensure_ascii=False)
    os.chmod(out, 0o640)
    return 0

if __name__ == "__main__":
    sys.exit(main())
