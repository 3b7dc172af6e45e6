/// The templates of the project, warning and supervision pages (Mustache, HTML-escaped).
enum ProjectTemplates {
    static let sources: [String: String] = [
        "pager": """
        <p class="pager">共 {{total}} 条 {{#previous}}<a id="previous" href="?{{query}}&page={{previous}}">上一页</a>{{/previous}}
        第 {{page}} / {{pages}} 页 {{#next}}<a id="next" href="?{{query}}&page={{next}}">下一页</a>{{/next}}</p>
        """,
        "projects": """
        {{> header}}<h1>{{heading}}</h1>
        <form method="get" action="/projects">状态 <select name="status" id="status"><option value="">全部</option>
        {{#statuses}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select>
        保证金 <select name="deposit" id="deposit"><option value="">全部</option>
        {{#deposits}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/deposits}}</select>
        {{#office}}主管部门 <select name="regulator" id="regulator"><option value="">全部</option>
        {{#regulators}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/regulators}}</select>{{/office}}
        <label><input type="checkbox" name="warned" value="1"{{#warned}} checked{{/warned}}> 仅有预警</label>
        <button type="submit">筛选</button> <a href="/projects.csv?{{query}}" id="csv">导出 CSV</a></form>
        <table id="projects"><tr><th>项目编号</th><th>项目名称</th><th>主管部门</th><th>施工总承包单位</th><th>状态</th>
        <th>合同金额（元）</th><th>保证金（应缴 / 余额）</th><th>专用账户</th><th>实名人数</th><th>最近工资单</th><th>预警</th></tr>
        {{#rows}}<tr class="{{#deposit_short}}overdue{{/deposit_short}}"><td><a href="/project?{{no_url}}">{{project_no}}</a></td>
        <td>{{name}}</td><td>{{regulator}}</td><td>{{contractor}}</td><td>{{status}}</td><td>{{contract_amount}}</td>
        <td>{{deposit_required}} / {{deposit_balance}}（{{deposit_status}}）</td><td>{{account_status}}</td><td>{{roster_size}}</td>
        <td>{{last_payroll_month}}</td><td>{{open_warnings}}</td></tr>{{/rows}}
        </table>{{> pager}}{{> footer}}
        """,
        "project": """
        {{> header}}<p><a href="/projects">← 返回项目列表</a></p><h1>项目 {{project_no}} {{name}}</h1>
        {{#verdict}}<div id="verdict" class="verdict {{kind}}">{{text}}</div>{{/verdict}}
        <h2>台账</h2><table id="ledger">
        <tr><th>行业 / 主管部门</th><td>{{sector}} / {{regulator}}</td><th>状态</th><td id="project-status">{{status}}</td></tr>
        <tr><th>建设单位</th><td>{{builder_name}}（{{builder_credit_code}}）</td><th>施工总承包单位</th><td>{{contractor}}（{{contractor_credit_code}}）</td></tr>
        <tr><th>地点 / 投资类型</th><td>{{location}} / {{investor}}</td><th>合同金额（元）</th><td>{{contract_amount}}</td></tr>
        <tr><th>施工许可 / 登记</th><td>{{permit_issued_on}} / {{registered_on}}</td><th>计划竣工 / 完工</th><td>{{planned_completion}} / {{completed_on}}</td></tr>
        </table>
        <h2>工资保证金与专用账户</h2><table id="deposit">
        <tr><th>缴存比例 / 依据</th><td>{{deposit_rate}}% / {{deposit_basis}}</td><th>应缴 / 余额（元）</th><td>{{deposit_required}} / {{deposit_balance}}</td></tr>
        <tr><th>保证金状态</th><td id="deposit-status">{{deposit_status}}</td><th>补足期限</th><td>{{replenish_by}}</td></tr>
        <tr><th>工资专用账户</th><td id="account-status">{{account_status}}</td><th>开户银行 / 备案日期</th><td>{{account_bank_name}} / {{account_opened_on}}</td></tr>
        </table>
        <h2>实名制</h2><p id="roster-counts">登记 {{roster_count}} 人，其中未签劳动合同 {{without_contract}} 人</p>
        <table id="employers"><tr><th>用工单位</th><th>人数</th></tr>{{#employers}}<tr><td>{{name}}</td><td>{{workers}}</td></tr>{{/employers}}</table>
        {{#roster_names}}<table id="roster"><tr><th>平台编号</th><th>姓名（已脱敏）</th><th>用工单位</th><th>已签合同</th><th>进场日期</th></tr>
        {{#roster}}<tr><td>{{worker_id}}</td><td class="worker-name">{{name}}</td><td>{{employer}}</td><td>{{signed}}</td><td>{{entered_on}}</td></tr>{{/roster}}
        </table>{{#roster_more}}<p>（仅列前若干人）</p>{{/roster_more}}{{/roster_names}}
        {{^roster_names}}<p id="roster-private">工人姓名等个人信息（仅人社局可见）</p>{{/roster_names}}
        <h2>工资单</h2><table id="payrolls"><tr><th>月份</th><th>分包单位</th><th>人数</th><th>应发（元）</th><th>实发（元）</th><th>欠发（元）</th><th>生成案件</th></tr>
        {{#payrolls}}<tr class="{{#unpaid_positive}}overdue{{/unpaid_positive}}"><td>{{month}}</td><td>{{subcontractor}}</td><td>{{lines}}</td>
        <td>{{gross}}</td><td>{{paid}}</td><td>{{unpaid}}</td><td>{{#has_case}}<a href="/cases/{{case_id}}">{{case_no}}</a>{{/has_case}}{{^has_case}}—{{/has_case}}</td></tr>{{/payrolls}}
        </table>
        <h2>未解除预警</h2><table id="project-warnings"><tr><th>类型</th><th>期间</th><th>责任部门</th><th>发出时间</th><th>详情</th></tr>
        {{#warnings}}<tr><td>{{kind}}</td><td>{{period}}</td><td>{{department}}</td><td>{{raised_at}}</td><td><code>{{detail}}</code></td></tr>{{/warnings}}
        </table>
        <h2>项目记录</h2><table id="timeline"><tr><th>#</th><th>时间</th><th>部门</th><th>事项</th><th>经办人</th><th>详情</th></tr>
        {{#timeline}}<tr><td>{{seq}}</td><td>{{at}}</td><td>{{department}}</td><td>{{event}}</td><td class="actor">{{actor}}</td><td><code>{{detail}}</code></td></tr>{{/timeline}}
        </table>
        {{#may_inspect}}<h2>记录巡查</h2>
        <form method="post" action="/project/inspect" id="form-inspect"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="project_no" value="{{project_no}}">巡查日期 <input name="inspected_on" id="inspected_on" value="{{today}}">
        {{#checks}}<label><input type="checkbox" name="{{code}}" id="check-{{code}}" checked> {{label}}</label> {{/checks}}
        <br>抽查人数 <input name="workers_sampled" id="workers_sampled"> 发现问题 <input name="findings" id="findings">
        <button type="submit" id="act-inspect">提交巡查记录</button></form>{{/may_inspect}}{{> footer}}
        """,
        "warnings": """
        {{> header}}<h1>{{heading}}</h1>
        <form method="get" action="/warnings">类型 <select name="kind" id="kind"><option value="">全部</option>
        {{#kinds}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/kinds}}</select>
        {{#office}}责任部门 <select name="department" id="department"><option value="">全部</option>
        {{#departments}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/departments}}</select>{{/office}}
        状态 <select name="state" id="state">{{#states}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/states}}</select>
        <button type="submit">筛选</button> <a href="/warnings.csv?{{query}}" id="csv">导出 CSV</a></form>
        <table id="warnings"><tr><th>编号</th><th>类型</th><th>项目</th><th>信用代码</th><th>期间</th><th>责任部门</th><th>发出时间</th><th>解除时间</th><th>详情</th></tr>
        {{#rows}}<tr class="{{#open}}overdue{{/open}}"><td>{{warning_id}}</td><td>{{kind}}</td>
        <td>{{#has_project}}<a href="/project?{{no_url}}">{{project_no}}</a>{{/has_project}}</td><td>{{credit_code}}</td><td>{{period}}</td>
        <td>{{department}}</td><td>{{raised_at}}</td><td>{{cleared_at}}</td><td><code>{{detail}}</code></td></tr>{{/rows}}
        </table>{{> pager}}{{> footer}}
        """,
        "supervision": """
        {{> header}}<h1>{{heading}}</h1><p><a href="/supervision.csv" id="csv">导出 CSV</a></p>
        <table id="supervision"><tr><th>案件编号</th><th>包案领导</th><th>领导所在单位</th><th>分管市领导</th><th>包案期限</th><th>列入日期</th><th>状态</th><th>承办部门</th></tr>
        {{#rows}}<tr><td><a href="/cases/{{case_id}}">{{case_no}}</a></td><td>{{leader}}</td><td>{{leader_department}}</td><td>{{city_leader}}</td>
        <td>{{due_on}}</td><td>{{listed_on}}</td><td>{{status}}</td><td>{{assignee}}</td></tr>{{/rows}}
        </table>{{> pager}}{{> footer}}
        """,
    ]
}
