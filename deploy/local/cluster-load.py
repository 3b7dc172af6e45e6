#!/usr/bin/env python3
"""The load of deploy/local/cluster.sh test: clue.reports published as `platform`.

usage: cluster-load.py --url AMQP_URL --run RUN --count N [--rate PER_SECOND] --sent FILE

AMQP_URL may name several brokers (amqp://u:p@h1:p1,h2:p2,h3:p3/vhost), as the
services' URLs do. Each clue is published to wage.intake (persistent, mandatory,
user_id platform, the contract's properties) and waited for its publisher confirm;
only then is its clue_ref appended to FILE (one a line), so FILE lists exactly the
clues the broker took responsibility for. A lost connection, a nack or a return
(a queue without a leader for a moment) means: reconnect to the next broker of the
list and publish the same message again, same message_id (at-least-once; the
workers' inbox makes the second copy harmless, and the fault run checks that).

Why Python and pika rather than wagectl or wage-bench: wagectl starts one process
per message and waits for each outcome (minutes for thousands of clues), and
wage-bench starts its own router and workers; an independent client also checks
the system from outside, through nothing but the broker's protocol.
"""
import argparse, json, sys, time, urllib.parse

import pika
from pika.exceptions import AMQPError, NackError, UnroutableError

SECTORS = ["construction", "transport", "water", "agriculture", "construction"]


def endpoints(url: str):
    u = url[len("amqp://"):]
    userinfo, _, rest = u.rpartition("@")
    user, _, password = userinfo.partition(":")
    hosts, _, vhost = rest.partition("/")
    creds = pika.PlainCredentials(urllib.parse.unquote(user), urllib.parse.unquote(password))
    result = []
    for hp in hosts.split(","):
        host, _, port = hp.rpartition(":")
        result.append(pika.ConnectionParameters(
            host=host, port=int(port), virtual_host=urllib.parse.unquote(vhost) or "/",
            credentials=creds, heartbeat=30, blocked_connection_timeout=30,
            connection_attempts=1, socket_timeout=5))
    return result


def body(run: str, n: int) -> bytes:
    return json.dumps({
        "channel": "national_platform",
        "clue_ref": f"{run}-{n:06d}",
        "employer": {"name": f"集群测试劳务有限公司{n % 50:02d}", "credit_code": "91500000MA5U000000"},
        "project": {"name": "集群故障演练项目", "location": "金凤镇"},
        "sector": SECTORS[n % len(SECTORS)],
        "workers_count": 1 + n % 30,
        "amount_owed": f"{1000 + n % 9000}.00",
        "description": f"cluster fault run {run}",
    }, ensure_ascii=False).encode()


def main() -> int:
    a = argparse.ArgumentParser()
    a.add_argument("--url", required=True)
    a.add_argument("--run", required=True)
    a.add_argument("--count", type=int, default=3000)
    a.add_argument("--rate", type=float, default=80)
    a.add_argument("--sent", required=True)
    args = a.parse_args()
    nodes = endpoints(args.url)
    which, conn, ch = 0, None, None
    republished = reconnects = 0
    started = time.time()
    out = open(args.sent, "w", buffering=1)

    def connect():
        nonlocal which, conn, ch, reconnects
        while True:
            params = nodes[which % len(nodes)]
            try:
                conn = pika.BlockingConnection(params)
                ch = conn.channel()
                ch.confirm_delivery()
                print(f"connected to {params.host}:{params.port}", flush=True)
                return
            except AMQPError as e:
                print(f"cannot connect to {params.host}:{params.port}: {e!r}", flush=True)
                which += 1
                reconnects += 1
                time.sleep(0.5)

    connect()
    for n in range(args.count):
        wait = started + n / args.rate - time.time()
        if wait > 0:
            time.sleep(wait)
        props = pika.BasicProperties(
            message_id=f"{args.run}-clue-{n}", type="clue.report", user_id="platform",
            content_type="application/json", delivery_mode=2, timestamp=int(time.time()))
        attempt = 0
        while True:
            try:
                ch.basic_publish("wage.intake", "clue.report", body(args.run, n), props, mandatory=True)
                break
            except (NackError, UnroutableError) as e:
                print(f"clue {n}: {type(e).__name__}, publishing again", flush=True)
            except AMQPError as e:
                print(f"clue {n}: connection lost ({e!r}), moving to the next broker", flush=True)
                try:
                    conn.close()
                except Exception:
                    pass
                which += 1
                time.sleep(0.5)
                connect()
            attempt += 1
            republished += 1
            time.sleep(min(2.0, 0.2 * attempt))
        out.write(f"{args.run}-{n:06d}\n")
    out.close()
    try:
        conn.close()
    except Exception:
        pass
    print(f"published {args.count} clues in {time.time() - started:.1f} s, "
          f"{republished} published again, {reconnects} failed connects", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
