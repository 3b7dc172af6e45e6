import Mustache

/// The page templates (Mustache; `{{x}}` is HTML-escaped). Served from memory:
/// nothing is loaded from outside the project.
enum Templates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in sources.merging(ProjectTemplates.sources, uniquingKeysWith: { $1 }) {
            try! library.register(text, named: name)
        }
        return library
    }()

    static func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? "template \(name) missing"
    }

    static let sources: [String: String] = [
        "header": """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{title}} · 根治欠薪工作台</title>
        <link rel="stylesheet" href="/static/console.css"></head><body>
        <header><span>根治欠薪工作台{{#person}} · {{department_name}}{{/person}}</span>
        {{#person}}<span id="who">{{display_name}}（{{login}}）
        <form class="inline" method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}">
        <button id="logout" type="submit">退出</button></form></span>{{/person}}</header>
        {{#person}}<nav><a href="/cases">工作列表</a> <a href="/projects" id="nav-projects">在建项目</a>
        <a href="/warnings" id="nav-warnings">欠薪预警</a> <a href="/supervision" id="nav-supervision">纪检监督</a>
        {{#may_report}}<a href="/reports/monthly" id="nav-report">月度报表</a>{{/may_report}}</nav>{{/person}}<main>
        """,
        "footer": "</main></body></html>",
        "login": """
        {{> header}}<h1>登录</h1>{{#error}}<p class="error" id="error">{{error}}</p>{{/error}}
        <form method="post" action="/login"><input type="hidden" name="csrf" value="{{login_csrf}}">
        <p><label>账号 <input id="login" name="login" autocomplete="username"></label></p>
        <p><label>密码 <input id="password" name="password" type="password" autocomplete="current-password"></label></p>
        <p><button id="submit" type="submit">登录</button></p></form>{{> footer}}
        """,
        "cases": """
        {{> header}}<h1>{{heading}}</h1>
        <form method="get" action="/cases">状态 <select name="status" id="status"><option value="">全部</option>
        {{#statuses}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select>
        <button type="submit">筛选</button> <a href="/cases.csv?status={{status}}" id="csv">导出 CSV</a></form>
        <p>共 {{total}} 件，按办理期限排序；<span class="overdue-key">红色</span> = 已超期</p>
        <table id="cases"><tr><th>案件编号</th><th>行业</th><th>状态</th><th>承办部门</th><th>风险</th><th>办理期限</th><th>人数</th><th>欠薪金额（元）</th></tr>
        {{#rows}}<tr class="{{#overdue}}overdue{{/overdue}}"><td><a href="/cases/{{case_id}}">{{case_no}}</a></td><td>{{sector}}</td>
        <td>{{status}}</td><td>{{assignee}}</td><td>{{risk}}</td><td>{{due_on}}</td><td>{{workers_count}}</td><td>{{amount_owed}}</td></tr>{{/rows}}
        </table><p>{{#previous}}<a href="/cases?status={{status}}&page={{previous}}">上一页</a>{{/previous}}
        第 {{page}} / {{pages}} 页 {{#next}}<a id="next" href="/cases?status={{status}}&page={{next}}">下一页</a>{{/next}}</p>{{> footer}}
        """,
        "case": """
        {{> header}}<p><a href="/cases">← 返回工作列表</a></p><h1>案件 {{case_no}}</h1>
        {{#verdict}}<div id="verdict" class="verdict {{kind}}">{{text}}</div>{{/verdict}}
        <table id="summary"><tr><th>状态</th><td id="case-status">{{status}}</td><th>承办部门</th><td>{{assignee}}</td></tr>
        <tr><th>行业</th><td>{{sector}}</td><th>风险</th><td>{{risk}}</td></tr>
        <tr><th>办理期限</th><td>{{due_on}}</td><th>人数 / 金额（元）</th><td>{{workers_count}} / {{amount_owed}}</td></tr>
        <tr><th>举报人</th><td colspan="3" id="reporter">{{reporter}}</td></tr></table>
        <h2>办理记录</h2><table id="timeline"><tr><th>#</th><th>时间</th><th>部门</th><th>事项</th><th>经办人</th><th>详情</th></tr>
        {{#timeline}}<tr><td>{{seq}}</td><td>{{at}}</td><td>{{department}}</td><td>{{event}}</td><td class="actor">{{actor}}</td><td><code>{{detail}}</code></td></tr>{{/timeline}}
        </table>
        {{#may_act}}<h2>办理</h2>
        <form method="post" action="/cases/{{case_id}}/act" id="form-accept"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="act" value="accept"><button type="submit" id="act-accept">受理</button></form>
        <form method="post" action="/cases/{{case_id}}/act" id="form-return"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="act" value="return">退回理由 <input name="reason" required><button type="submit">退回</button></form>
        <form method="post" action="/cases/{{case_id}}/act" id="form-progress"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="act" value="progress">进展 <input name="note" required><button type="submit">报送进展</button></form>
        <form method="post" action="/cases/{{case_id}}/act" id="form-resolved"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="act" value="resolved">办结方式 <select name="disposition">
        {{#dispositions}}<option value="{{code}}">{{label}}</option>{{/dispositions}}</select>
        支付金额（元）<input name="amount_paid" id="amount_paid"> 支付人数 <input name="workers_paid" id="workers_paid">
        说明 <input name="note"><button type="submit" id="act-resolved">办结</button></form>
        <form method="post" action="/cases/{{case_id}}/act" id="form-escalate"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="act" value="escalate">升级理由 <input name="reason" required><button type="submit">申请升级</button></form>
        {{/may_act}}{{> footer}}
        """,
        "report_monthly": """
        {{> header}}<p class="issuer" id="issuer">{{issuer}}</p><h1>{{heading}}</h1>
        <form class="no-print" method="get" action="/reports/monthly">月份 <input type="month" name="month" id="month" value="{{month}}">
        <button type="submit" id="show">查看</button> <a href="/reports/monthly.csv?month={{month}}" id="csv">导出 CSV</a></form>
        <p>{{period}}</p>{{#note}}<p class="note" id="note">{{note}}</p>{{/note}}<div class="report" id="report">{{{body}}}</div>{{> footer}}
        """,
        "message": "{{> header}}<h1>{{heading}}</h1><p id=\"message\">{{text}}</p><p><a href=\"/cases\">返回</a></p>{{> footer}}",
    ]

    static let css = """
    body{font-family:"Noto Sans CJK SC","Noto Sans CJK",sans-serif;margin:0;background:#f6f7f9;color:#222}
    header{background:#1f4e79;color:#fff;padding:.6em 1em;display:flex;justify-content:space-between}
    header button{color:#1f4e79} main{padding:1em}
    table{border-collapse:collapse;width:100%;background:#fff;margin-bottom:1em}
    th,td{border:1px solid #ccd;padding:.3em .5em;text-align:left;vertical-align:top}
    tr.overdue td,tr.overdue a,.overdue-key{color:#c00}
    .verdict{padding:.5em;margin:.5em 0;border:1px solid}.accepted{border-color:#080;color:#060}
    .refused{border-color:#c00;color:#c00}.pending{border-color:#a60;color:#a60}
    nav{background:#e4ebf3;padding:.4em 1em} nav a{margin-right:1.2em}
    form{margin:.4em 0} form.inline{display:inline} .error{color:#c00} code{font-size:.8em}
    .report table{width:auto} .report td{text-align:right} .report td:first-child{text-align:left}
    .report tr.total td{font-weight:bold;background:#f4f4f4} .report figure{margin:1em 0;background:#fff;display:inline-block}
    .issuer{letter-spacing:.1em;color:#555} .note{color:#a60}
    @media print{header,nav,form.no-print{display:none} body{background:#fff}
    *{-webkit-print-color-adjust:exact;print-color-adjust:exact} table,figure{break-inside:avoid}}
    @page{size:A4;margin:15mm 12mm}
    """
}
