"""What every browser scenario shares: the stack's environment, wagectl, the
browser, page helpers and the people who log in (made fresh on every run)."""
import os, re, subprocess, sys, time, traceback
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

ENV_FILE = os.environ["WAGE_STACK_ENV"]
STACK = dict(l.split("=", 1) for l in open(ENV_FILE).read().splitlines() if "=" in l and not l.startswith("#"))
URL = os.environ.get("WAGE_CONSOLE_URL") or STACK["WAGE_CONSOLE_URL"]
WAGECTL = os.environ["WAGECTL"]
SHOTS = os.environ.get("WAGE_SCREENSHOTS")
RUN = str(int(time.time()))[-6:]          # fresh logins and clue refs on every run
PASSWORD = "Pass-" + RUN + "-word"


def wagectl(*args):
    out = subprocess.run([WAGECTL, *args], env={**os.environ, "WAGE_STACK_ENV": ENV_FILE},
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("wagectl %s failed: %s %s" % (" ".join(args), out.stdout, out.stderr))
    return out.stdout + out.stderr


def staff(login, name, department, roles=None):
    pw = os.path.join(os.path.dirname(ENV_FILE), "browser-pw")
    with open(pw, "w") as f:
        f.write(PASSWORD + "\n")
    wagectl("staff", "add", login, "--name", name, "--department", department, "--password-file", pw,
            *(["--roles", roles] if roles else []))
    return login


def report_case(ref):
    out = wagectl("clue", "report", "--as", "platform", "--channel", "hotline", "--clue-ref", ref,
                  "--employer-name", "某建筑劳务公司", "--sector", "construction", "--workers-count", "12",
                  "--amount-owed", "256000.00", "--reporter-name", "赵六", "--reporter-phone", "13812345678",
                  "--reporter-id-number", "11010519491231002X")
    return re.search(r"case (WA-\d{4}-\d+)", out).group(1)


def browser():
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000", "--lang=zh-CN"):
        o.add_argument(a)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.implicitly_wait(5)
    return d


def click(d, element):
    """Clicks a submit button or link and waits until the next page has loaded
    (the old page's marker is gone and the new document is complete)."""
    d.execute_script("window.__wageOldPage = true")
    element.click()

    def loaded(driver):
        return driver.execute_script(
            "return window.__wageOldPage === undefined && document.readyState === 'complete'")
    try:
        WebDriverWait(d, 15, poll_frequency=0.1, ignored_exceptions=(WebDriverException,)).until(loaded)
    except TimeoutException:
        raise AssertionError("no new page after the click; at %s: %s" % (d.current_url, text(d)[:300]))


def login(d, who, password=PASSWORD):
    d.get(URL + "/login")
    d.find_element(By.ID, "login").send_keys(who)
    d.find_element(By.ID, "password").send_keys(password)
    click(d, d.find_element(By.ID, "submit"))


def shot(d, name):
    if SHOTS:
        d.save_screenshot(os.path.join(SHOTS, name + ".png"))


def text(d):
    return d.find_element(By.TAG_NAME, "body").text


HOUSING = staff("zw" + RUN, "张伟", "housing")
POLICE = staff("wf" + RUN, "王芳", "police")
OFFICE = staff("lq" + RUN, "李强", "hrss")
