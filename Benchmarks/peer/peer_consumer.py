#!/usr/bin/env python3
"""The trivial peer of the router hop (issue 23, target 3): the least a consumer
that keeps a durable record of each message must do.

    peer_consumer.py --stack-env .local/stack.env --messages 20000 --body-file body.json

Pre-loads a scratch quorum queue `bench.peer` with --messages persistent copies
of the body (each with its own message id), then consumes it (prefetch 200),
parses each message's JSON, inserts (message_id, type, sender, body) into the
scratch table `wage_bench.peer_sink` with executemany, 100 per commit, and acks
each committed batch with one `multiple` ack. Prints JSON on stdout:
{"messages": N, "seconds": s, "messages_per_second": r} (first delivery to last
commit).
The rate is over the batches' transaction starts, like the router's. The queue and the table are removed afterwards. Needs pika and psycopg
(deploy/local/bench.sh installs them into a venv under the stack directory).
"""
import argparse
import json
import sys
import time
import urllib.parse

import pika
import psycopg

QUEUE = "bench.peer"
BATCH = 100
PREFETCH = 200
LOAD_TIMEOUT = 120
IDLE_SECONDS = 1


def load_env(path):
    env = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "=" in line and not line.startswith("#"):
                key, value = line.rstrip("\n").split("=", 1)
                env[key] = value
    return env


def amqp(url):
    u = urllib.parse.urlparse(url)
    return pika.ConnectionParameters(host=u.hostname, port=u.port or 5672, virtual_host=urllib.parse.unquote(u.path[1:]),
                                     credentials=pika.PlainCredentials(urllib.parse.unquote(u.username),
                                                                       urllib.parse.unquote(u.password)))


def preload(channel, body, count):
    """Declares the quorum queue and fills it; returns when the broker holds every message."""
    channel.queue_delete(QUEUE)
    channel.queue_declare(QUEUE, durable=True, arguments={"x-queue-type": "quorum"})
    for n in range(count):
        channel.basic_publish("", QUEUE, body, pika.BasicProperties(
            delivery_mode=2, message_id=f"peer-{n}", type="clue.report", user_id=None, content_type="application/json"))
    deadline = time.monotonic() + LOAD_TIMEOUT
    while channel.queue_declare(QUEUE, passive=True).method.message_count < count:
        if time.monotonic() > deadline:
            raise SystemExit("peer_consumer: the queue did not fill in time")
        time.sleep(0.1)


def consume(channel, db, count):
    """Consumes `count` messages: parse, insert 100 per commit, ack multiple. Returns (first delivery, last commit)."""
    channel.basic_qos(prefetch_count=PREFETCH)
    rows, last_tag, done, first = [], None, 0, None

    def flush():
        nonlocal rows, done
        with db.cursor() as cur:
            cur.executemany("INSERT INTO wage_bench.peer_sink (message_id, type, sender, body) VALUES (%s, %s, %s, %s)", rows)
        db.commit()
        channel.basic_ack(last_tag, multiple=True)
        done += len(rows)
        rows = []

    for method, properties, body in channel.consume(QUEUE, inactivity_timeout=IDLE_SECONDS):
        if method is None:
            if rows:
                flush()
            if done >= count:
                break
            continue
        first = first or time.monotonic()
        message = json.loads(body)
        rows.append((properties.message_id, properties.type, message.get("channel", "platform"), body.decode()))
        last_tag = method.delivery_tag
        if len(rows) >= BATCH or done + len(rows) >= count:
            flush()
            if done >= count:
                break
    end = time.monotonic()
    channel.cancel()
    return first, end


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stack-env", required=True)
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--body-file", required=True)
    args = parser.parse_args()
    env = load_env(args.stack_env)
    with open(args.body_file, "rb") as f:
        body = f.read()
    connection = pika.BlockingConnection(amqp(env["WAGE_AMQP_URL_ADMIN"]))
    channel = connection.channel()
    with psycopg.connect(env["WAGE_DATABASE_URL"], application_name="wage-bench-peer") as db:
        db.execute("CREATE SCHEMA IF NOT EXISTS wage_bench")
        db.execute("DROP TABLE IF EXISTS wage_bench.peer_sink")
        db.execute("""CREATE TABLE wage_bench.peer_sink (message_id text PRIMARY KEY, type text NOT NULL, sender text NOT NULL,
                      body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())""")
        db.commit()
        try:
            print(f"[peer] pre-loading {args.messages} messages into quorum queue {QUEUE}", file=sys.stderr)
            preload(channel, body, args.messages)
            first, end = consume(channel, db, args.messages)
            # The same clock as the router's figure: transaction starts of the first and last batch.
            stored, span = db.execute(
                "SELECT count(*), extract(epoch FROM max(at) - min(at))::float8 FROM wage_bench.peer_sink").fetchone()
        finally:
            db.rollback()
            db.execute("DROP TABLE IF EXISTS wage_bench.peer_sink")
            db.commit()
            channel.queue_delete(QUEUE)
            connection.close()
    print(json.dumps({"messages": stored, "seconds": round(span, 3), "wall_seconds": round(end - first, 3),
                      "messages_per_second": round((stored - 1) / max(span, 0.001), 1)}))


if __name__ == "__main__":
    main()
