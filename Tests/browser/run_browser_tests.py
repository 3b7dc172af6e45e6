#!/usr/bin/env python3
"""Browser tests of the staff console (issue 20), in Debian's chromium driven by
Selenium, against the REAL console, router, workers, RabbitMQ and PostgreSQL
(started by deploy/local/run.sh start). Prints a pytest-style summary line and
exits non-zero when any test fails.

Environment: WAGE_STACK_ENV (stack.env), WAGE_CONSOLE_URL (else read from it),
WAGECTL (the wagectl binary), WAGE_SCREENSHOTS (where to save the main pages).
"""
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


def staff(login, name, department):
    pw = os.path.join(os.path.dirname(ENV_FILE), "browser-pw")
    with open(pw, "w") as f:
        f.write(PASSWORD + "\n")
    wagectl("staff", "add", login, "--name", name, "--department", department, "--password-file", pw)
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
CASE = report_case("BT-" + RUN + "-1")
OTHER = report_case("BT-" + RUN + "-2")

# Projects (CONTRACT §8): one of housing's, one of water's; a roster with a worker
# without a contract on each (a no_contract warning for each regulator); a payroll
# with unpaid wages on housing's (it opens a case).
HOUSING_PROJECT = "PBT-" + RUN + "-H"
WATER_PROJECT = "PBT-" + RUN + "-W"


def register_project(no, sector, regulator, name):
    wagectl("--as", regulator, "project", "register", no, "--name", name, "--sector", sector,
            "--builder-name", "某置业有限公司", "--builder-credit-code", "91500000MA5U111111",
            "--contractor-name", "某建工集团有限公司", "--contractor-credit-code", "91500000MB" + RUN + "22",
            "--contract-amount", "12000000.00", "--permit-issued-on", "2026-11-02")


def import_csv(kind, name, text):
    path = os.path.join(os.path.dirname(ENV_FILE), "browser-%s.csv" % name)
    with open(path, "w") as f:
        f.write(text)
    wagectl(kind, "import", path)


register_project(HOUSING_PROJECT, "construction", "housing", "滨江花园二期住宅工程")
register_project(WATER_PROJECT, "water", "water", "北干渠节水改造工程")
import_csv("roster", "roster", "project_no,worker_id,name,id_number,employer_name,employer_credit_code,contract_signed,entered_on\n"
           + "".join("%s,W-1,王强,500101199001011234,某劳务有限公司,91500000MA5U333333,true,2026-11-10\n"
                     "%s,W-2,李梅,,某劳务有限公司,,false,2026-11-12\n" % (p, p) for p in (HOUSING_PROJECT, WATER_PROJECT)))
import_csv("payroll", "payroll", "project_no,month,subcontractor_name,subcontractor_credit_code,worker_id,days,gross,paid,"
           "confirmed_by_workers,via_special_account\n"
           "%s,2026-11,某劳务有限公司,91500000MA5U333333,W-1,26,7800.00,7800.00,true,true\n"
           "%s,2026-11,某劳务有限公司,91500000MA5U333333,W-2,22,6600.00,0.00,true,true\n" % (HOUSING_PROJECT, HOUSING_PROJECT))


def open_case(d, case_no):
    d.get(URL + "/cases")
    click(d, d.find_element(By.LINK_TEXT, case_no))


def test_login_and_work_list(d):
    d.get(URL + "/login")
    shot(d, "login")
    login(d, HOUSING)
    assert d.current_url.endswith("/cases"), d.current_url
    body = text(d)
    assert "张伟" in body and "本部门承办案件" in body, body
    assert CASE in body and "已转办" in body and "住建局" in body, body
    shot(d, "work-list")


def test_accept_and_resolve_with_timeline(d):
    login(d, HOUSING)
    open_case(d, CASE)
    assert "（仅人社局可见）" in d.find_element(By.ID, "reporter").text, "the reporter is masked for housing"
    assert "13812345678" not in text(d)
    click(d, d.find_element(By.ID, "act-accept"))
    assert "已受理并处理" in d.find_element(By.ID, "verdict").text, text(d)
    assert d.find_element(By.ID, "case-status").text == "已受理"
    d.find_element(By.ID, "amount_paid").send_keys("256000.00")
    d.find_element(By.ID, "workers_paid").send_keys("12")
    click(d, d.find_element(By.ID, "act-resolved"))
    assert "已受理并处理" in d.find_element(By.ID, "verdict").text, text(d)
    assert d.find_element(By.ID, "case-status").text == "已办结"
    actors = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#timeline td.actor")]
    assert actors.count("张伟（%s）" % HOUSING) == 2, actors
    shot(d, "case")


def test_refused_act_shows_the_reason_in_chinese(d):
    login(d, HOUSING)
    open_case(d, OTHER)
    click(d, d.find_element(By.ID, "act-resolved"))       # paid, but no amount: the router's schema refuses it
    v = d.find_element(By.ID, "verdict")
    assert "未发送" in v.text and "amount_paid" in v.text, v.text


def test_office_reads_the_reporter(d):
    login(d, OFFICE)
    open_case(d, OTHER)
    assert "13812345678" in d.find_element(By.ID, "reporter").text


def test_other_departments_case_is_refused(d):
    login(d, HOUSING)
    open_case(d, OTHER)
    case_url = d.current_url
    d.delete_all_cookies()
    login(d, POLICE)
    d.get(case_url)                                    # a URL edited to another department's case
    assert "无权查看" in text(d), text(d)
    assert "act-accept" not in d.page_source


def test_csrf_attempt_is_refused(d):
    login(d, HOUSING)
    open_case(d, OTHER)
    d.execute_script("document.querySelector('#form-progress input[name=csrf]').value = 'forged'")
    d.find_element(By.CSS_SELECTOR, "#form-progress input[name=note]").send_keys("进展")
    click(d, d.find_element(By.CSS_SELECTOR, "#form-progress button"))
    assert "表单校验失败" in text(d), text(d)


def test_session_after_logout(d):
    login(d, HOUSING)
    cookie = d.get_cookie("wage_session")
    assert cookie and cookie["httpOnly"] and cookie.get("sameSite") == "Strict", cookie
    click(d, d.find_element(By.ID, "logout"))
    assert d.current_url.endswith("/login")
    d.add_cookie({"name": "wage_session", "value": cookie["value"], "path": "/"})
    d.get(URL + "/cases")
    assert d.current_url.endswith("/login"), "the old session still works after logout"


def test_forged_cookie(d):
    d.get(URL + "/login")
    d.add_cookie({"name": "wage_session", "value": "a" * 64 + "." + "b" * 64, "path": "/"})
    d.get(URL + "/cases")
    assert d.current_url.endswith("/login")


def test_disabled_account_is_locked_out_at_once(d):
    who = staff("dis" + RUN, "周敏", "housing")
    login(d, who)
    assert d.current_url.endswith("/cases")
    wagectl("staff", "disable", who)
    d.get(URL + "/cases")
    assert d.current_url.endswith("/login"), "a disabled account still sees pages"
    login(d, who)
    assert "账号已停用" in text(d), text(d)


def test_brute_force_is_rate_limited(d):
    who = staff("bf" + RUN, "吴刚", "housing")
    for _ in range(5):
        login(d, who, "wrong-password")
        assert "账号或密码错误" in text(d)
    login(d, who)                                      # the right password, too late
    assert "登录失败次数过多" in text(d), text(d)


def open_project(d, no):
    d.get(URL + "/projects")
    click(d, d.find_element(By.LINK_TEXT, no))


def test_a_regulator_sees_only_its_projects(d):
    login(d, HOUSING)
    d.get(URL + "/projects")
    body = text(d)
    assert HOUSING_PROJECT in body and WATER_PROJECT not in body, body
    shot(d, "projects")
    d.get(URL + "/project?no=" + WATER_PROJECT)          # a URL edited to water's project
    assert "无权查看" in text(d), text(d)
    d.delete_all_cookies()
    login(d, OFFICE)
    d.get(URL + "/projects")
    assert HOUSING_PROJECT in text(d) and WATER_PROJECT in text(d)


def test_project_page_without_another_departments_personal_data(d):
    login(d, HOUSING)
    open_project(d, HOUSING_PROJECT)
    body = text(d)
    assert "登记 2 人，其中未签劳动合同 1 人" in body, body
    assert "（仅人社局可见）" in d.find_element(By.ID, "roster-private").text
    for private in ("王强", "李梅", "王*", "500101199001011234"):
        assert private not in d.page_source, private
    payroll = d.find_element(By.ID, "payrolls").text
    assert "2026-11" in payroll and "6600.00" in payroll and "WA-" in payroll, payroll
    d.delete_all_cookies()
    login(d, OFFICE)
    open_project(d, HOUSING_PROJECT)
    names = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#roster td.worker-name")]
    assert names == ["王*", "李*"], names                  # hrss: masked even so
    assert "王强" not in d.page_source and "500101199001011234" not in d.page_source


def test_inspection_is_recorded_by_the_regulator(d):
    login(d, HOUSING)
    open_project(d, HOUSING_PROJECT)
    d.find_element(By.ID, "check-notice_board").click()   # the notice board was not found in place
    d.find_element(By.ID, "workers_sampled").send_keys("2")
    d.find_element(By.ID, "findings").send_keys("维权告示牌未设置")
    click(d, d.find_element(By.ID, "act-inspect"))
    assert "已受理并处理" in d.find_element(By.ID, "verdict").text, text(d)
    actors = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#timeline td.actor")]
    assert "张伟（%s）" % HOUSING in actors, actors
    assert "巡查发现问题" in d.find_element(By.ID, "project-warnings").text
    shot(d, "project")


def test_warnings_list_for_the_department_that_must_act(d):
    login(d, HOUSING)
    d.get(URL + "/warnings?kind=no_contract")
    body = d.find_element(By.ID, "warnings").text
    assert HOUSING_PROJECT in body and "未签订劳动合同" in body, body
    assert WATER_PROJECT not in body, "housing sees water's warnings"
    d.delete_all_cookies()
    login(d, OFFICE)
    d.get(URL + "/warnings?department=water")
    assert WATER_PROJECT in d.find_element(By.ID, "warnings").text
    d.get(URL + "/warnings")
    shot(d, "warnings")
    d.get(URL + "/supervision")
    assert "纪检监察" in text(d)
    shot(d, "supervision")


def test_csv_exports_have_a_bom(d):
    login(d, HOUSING)
    d.get(URL + "/projects")
    for path in ("/projects.csv", "/warnings.csv", "/supervision.csv", "/cases.csv"):
        head = d.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b).slice(0, 4))));", path)
        assert head == [0xEF, 0xBB, 0xBF, 0x22], (path, head)   # BOM, then a quoted field
    body = d.execute_async_script(
        "const done = arguments[arguments.length - 1]; fetch('/projects.csv').then(r => r.text()).then(done);")
    assert HOUSING_PROJECT in body and WATER_PROJECT not in body, body


TESTS = [v for k, v in list(globals().items()) if k.startswith("test_")]


def main():
    started, failed = time.time(), []
    d = browser()
    try:
        for t in TESTS:
            d.delete_all_cookies()
            try:
                t(d)
                print("PASSED", t.__name__)
            except Exception:
                failed.append(t.__name__)
                print("FAILED", t.__name__)
                traceback.print_exc()
    finally:
        d.quit()
    passed = len(TESTS) - len(failed)
    parts = ([f"{len(failed)} failed"] if failed else []) + [f"{passed} passed"]
    print(f"==== {', '.join(parts)} in {time.time() - started:.2f}s ====")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
