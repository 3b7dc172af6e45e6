#!/usr/bin/env python3
"""Browser tests of the staff console (issue 20), in Debian's chromium driven by
Selenium, against the REAL console, router, workers, RabbitMQ and PostgreSQL
(started by deploy/local/run.sh start). Prints a pytest-style summary line and
exits non-zero when any test fails.

Environment: WAGE_STACK_ENV (stack.env), WAGE_CONSOLE_URL (else read from it),
WAGECTL (the wagectl binary), WAGE_SCREENSHOTS (where to save the main pages).
"""
import sys, time, traceback
from browser_support import *
import project_scenarios
import report_scenarios

CASE = report_case("BT-" + RUN + "-1")
OTHER = report_case("BT-" + RUN + "-2")


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


TESTS = ([v for k, v in list(globals().items()) if k.startswith("test_")]
         + [v for k, v in vars(project_scenarios).items() if k.startswith("test_")]
         + [v for k, v in vars(report_scenarios).items() if k.startswith("test_")])


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
