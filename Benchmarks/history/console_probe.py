"""Times the staff console over HTTP (issue 20's speed clause): starts
wage-console on a spare port, makes a housing clerk (`wagectl staff add`), logs
in as a browser would (the login form's CSRF cookie, then the session cookie)
and times GET /cases (the department's work list) and GET /cases/<id>.
"""
import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

LOGIN = "bench-history-clerk"
READY_SECONDS = 60


def spare_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add_staff(wagectl, stack_env, password):
    with tempfile.NamedTemporaryFile("w", delete=False) as f:
        f.write(password + "\n")
    try:
        for command in (["staff", "add", LOGIN, "--name", "基准测试", "--department", "housing"],
                        ["staff", "reset", LOGIN]):
            result = subprocess.run([wagectl, *command, "--as", "admin", "--stack-env", stack_env,
                                     "--operator", "wage-bench", "--password-file", f.name], capture_output=True, text=True)
            if result.returncode == 0:
                return
        raise SystemExit(f"console_probe: wagectl staff add failed: {result.stderr.strip()}")
    finally:
        os.unlink(f.name)


def login(base, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(base + "/login").read().decode()
    token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode({"csrf": token, "login": LOGIN, "password": password}).encode()
    page = opener.open(base + "/login", data=body)
    if not page.geturl().endswith("/cases"):
        raise SystemExit(f"console_probe: login did not reach /cases ({page.geturl()})")
    return opener


def timed_get(opener, url, count):
    from readpath import summary
    samples = []
    for i in range(count):
        t = time.perf_counter()
        with opener.open(url(i)) as response:
            response.read()
            if response.status != 200:
                raise SystemExit(f"console_probe: GET {url(i)} answered {response.status}")
        samples.append((time.perf_counter() - t) * 1000)
    return summary(samples)


def wait_ready(base, process):
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("console_probe: wage-console exited at start (see its log)")
        try:
            urllib.request.urlopen(base + "/login", timeout=1).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("console_probe: wage-console did not answer within a minute")


def measure(env, args, case_numbers):
    wagectl = os.path.join(args.bin_dir, "wagectl")
    password = secrets.token_urlsafe(16)
    add_staff(wagectl, args.stack_env, password)
    port = args.console_port or spare_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(os.path.dirname(args.stack_env), "bench", "console.log"), "ab")
    process = subprocess.Popen([os.path.join(args.bin_dir, "wage-console"), "--port", str(port)], stdout=log,
                               stderr=log, env={**os.environ, "WAGE_STACK_ENV": args.stack_env,
                                                "WAGE_HTTP_BASE_PORT": str(spare_port())})
    try:
        wait_ready(base, process)
        opener = login(base, password)
        import psycopg
        with psycopg.connect(env["WAGE_DATABASE_URL"]) as admin:
            ids = [r[0] for r in admin.execute("SELECT case_id::text FROM wage.cases WHERE case_no = ANY(%s)",
                                               [case_numbers]).fetchall()]
        print(f"[readpath] console on {base}: timing the work list and {len(ids)} case pages", file=sys.stderr)
        timed_get(opener, lambda i: base + "/cases", 5)  # warm-up: connections, templates
        return {"work_list": timed_get(opener, lambda i: base + "/cases", args.requests),
                "case_page": timed_get(opener, lambda i: base + "/cases/" + ids[i % len(ids)], args.requests)}
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
