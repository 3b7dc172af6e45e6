"""Browser scenarios of the project, warning and supervision pages (CONTRACT §8,
§7.3), run by run_browser_tests.py."""
from browser_support import *

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

