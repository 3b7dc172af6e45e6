"""Browser scenarios of the monthly report page (月度报表, issue 20) and the printed
reports (issue 22), run by run_browser_tests.py."""
from browser_support import *
import base64
from datetime import datetime, timedelta, timezone

# The current month in Asia/Shanghai: the scenarios' cases were reported today.
MONTH = datetime.now(timezone(timedelta(hours=8))).strftime("%Y-%m")

GOV_APPROVER = staff("gx" + RUN, "高翔", "government", "approver")
GOV_CLERK = staff("gk" + RUN, "孙丽", "government")                 # a clerk: refused


def test_the_office_reads_the_monthly_report_with_charts(d):
    login(d, OFFICE)
    click(d, d.find_element(By.ID, "nav-report"))
    assert "/reports/monthly" in d.current_url, d.current_url
    body = text(d)
    assert "根治欠薪工作月度报表" in body and "各部门案件办理情况" in body and "合计" in body, body
    assert d.find_element(By.ID, "issuer").text, "the issuing office is named"
    assert len(d.find_elements(By.CSS_SELECTOR, "#report svg")) >= 3, "inline SVG charts"
    assert "无权查看" not in body, "hrss reads every section"
    month = d.find_element(By.ID, "month")
    d.execute_script("arguments[0].value = arguments[1]", month, MONTH)
    click(d, d.find_element(By.ID, "show"))
    assert "%s年%s月根治欠薪工作月度报表" % (MONTH[:4], MONTH[5:]) in text(d), text(d)
    assert "住建局" in text(d), "the scenarios' cases were transferred to housing this month"
    shot(d, "monthly-report")
    head = d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/reports/monthly.csv?month=' + arguments[0]).then(r => r.arrayBuffer())"
        ".then(b => done(Array.from(new Uint8Array(b).slice(0, 40))));", MONTH)
    raw = bytes(head)
    assert raw[:3] == b"\xef\xbb\xbf", raw
    assert raw[3:].decode("utf-8", "ignore").startswith('"栏目","部门","指标","数值"\r\n'), raw


def test_another_department_is_refused_the_monthly_report(d):
    login(d, HOUSING)
    assert not d.find_elements(By.ID, "nav-report"), "no link for housing"
    d.get(URL + "/reports/monthly")                     # a URL typed in
    assert "无权查看" in text(d), text(d)
    assert not d.find_elements(By.CSS_SELECTOR, "#report svg")
    d.get(URL + "/reports/monthly.csv")
    assert "栏目" not in d.page_source
    d.delete_all_cookies()
    login(d, GOV_CLERK)
    d.get(URL + "/reports/monthly")
    assert "无权查看" in text(d) and not d.find_elements(By.CSS_SELECTOR, "#report svg"), "a government clerk is refused"


def test_the_government_approver_reads_what_its_grants_allow(d):
    login(d, GOV_APPROVER)
    click(d, d.find_element(By.ID, "nav-report"))
    body = text(d)
    assert "各部门案件办理情况" in body and "应急周转金" in body, body
    assert "无权查看（人民政府）" in body, "referrals, legal aid and petitions are not granted to government"


def test_the_quarterly_bulletin_renders_and_prints(d):
    now = datetime.now(timezone(timedelta(hours=8)))
    quarter = "%dQ%d" % (now.year, (now.month - 1) // 3 + 1)
    page = os.path.join(os.path.dirname(ENV_FILE), "bulletin-%s.html" % quarter)
    wagectl("--as", "hrss", "report", "quarter", "--quarter", quarter, "--html", page)
    d.get("file://" + page)
    body = text(d)
    assert "《劳动保障信息简报》" in body and "一、案件办理总体情况" in body, body[:500]
    assert "四、成员单位信息报送情况" in body and "五、重点关注项目清单" in body, body
    assert "住建局" in body, "the scenarios' cases of this month"
    assert len(d.find_elements(By.TAG_NAME, "svg")) >= 5, "charts"
    shot(d, "quarterly-bulletin")
    # In print: colours kept and tables not split across pages; an A4 PDF comes out.
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    style = d.execute_script("const s = getComputedStyle(document.querySelector('table'));"
                             "return [s.breakInside, s.printColorAdjust || s.webkitPrintColorAdjust];")
    assert style == ["avoid", "exact"], style
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(d.print_page())
    assert pdf.startswith(b"%PDF"), pdf[:8]
