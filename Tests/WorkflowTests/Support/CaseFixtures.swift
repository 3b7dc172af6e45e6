import Foundation
@testable import Messages
@testable import Workflow

/// A clue about a construction site with 12 workers owed 150,000 yuan (medium risk).
func sampleClue(channel: ClueChannel = .hotline, ref: String = "HL-001", sector: Sector = .construction,
                workers: Int = 12, amount: String = "150000.00") -> ClueReport {
    ClueReport(channel: channel, clueRef: ref, employer: Employer(name: "某建筑公司", creditCode: "91500000MA5U000000"),
               project: Project(name: "金凤安置房", location: "金凤镇"), sector: sector, workersCount: workers,
               amountOwed: yuan(amount), description: "拖欠工资三个月", reporter: Reporter(name: "张三", phone: "13800000000"))
}

/// A case in any status, assigned to `assignee`, due on `due`.
func sampleCase(_ status: CaseStatus, assignee: Principal? = .housing, due: String? = "2026-03-13",
                origin: Principal = .platform, id: String = "C-1") -> CaseState {
    CaseState(caseID: id, channel: .hotline, clueRef: "HL-001", origin: origin, employer: Employer(name: "某建筑公司"),
              sector: .construction, workersCount: 12, amountOwed: yuan("150000.00"), risk: .medium, status: status,
              assignee: assignee, dueOn: due.map { d($0) }, openedAt: Date(timeIntervalSince1970: 1_770_000_000))
}

/// The single `case.notice` among the messages, decoded.
func notices(_ t: Transition<CaseState>) -> [CaseNotice] {
    t.messages.filter { $0.type == .caseNotice }.compactMap { m in
        try? CaseNotice(json: m.payload.objectValue ?? [:])
    }
}
