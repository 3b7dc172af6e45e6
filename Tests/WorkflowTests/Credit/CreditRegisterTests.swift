import XCTest
@testable import Messages
@testable import Workflow

/// CONTRACT §9 rules as `CreditRegister` applies them (pure, no servers).
final class CreditRegisterTests: XCTestCase {
    let a = "00000000-0000-4000-8000-00000000000a"
    let b = "00000000-0000-4000-8000-00000000000b"
    let code = "91500000MA5U000000"

    func message(basis: [String]? = nil, decidedOn: String = "2026-03-02", persons: [CreditPerson] = []) -> CreditList {
        CreditList(creditCode: code, name: "某建筑劳务有限公司", basis: basis ?? [a], decidedOn: d(decidedOn), persons: persons)
    }

    func referred(_ id: String, _ status: CaseStatus = .accepted) -> CreditBasisCase {
        CreditBasisCase(caseID: id, status: status, acceptedReferrals: ["RF-1"])
    }

    func plain(_ id: String, _ status: CaseStatus = .accepted) -> CreditBasisCase {
        CreditBasisCase(caseID: id, status: status)
    }

    func listing(decidedOn: String = "2026-03-02", basis: [String]? = nil) -> CreditListing {
        CreditListing(creditCode: code, name: "某建筑劳务有限公司", decidedOn: d(decidedOn),
                      listedUntil: CreditListing.listedUntil(decidedOn: d(decidedOn)), basis: basis ?? [a])
    }

    // MARK: credit.list

    func testAListingLastsThreeYearsAndRecordsTheTerms() throws {
        let t = try CreditRegister.list(message(), found: [a: referred(a)], open: nil, today: d("2026-03-05")).get()
        XCTAssertEqual(t.state.listedUntil, d("2029-03-02"))
        XCTAssertEqual(t.state.basis, [a])
        XCTAssertEqual(t.timeline.map(\.event), ["credit_listed"])
        XCTAssertEqual(t.timeline.first?.department, .hrss)
        XCTAssertEqual(t.timeline.first?.detail["listed_until"], "2029-03-02")
        XCTAssertEqual(t.timeline.first?.detail["settings"], ["listing_years": 3, "early_removal_months": 6])
    }

    func testADecisionOn29FebruaryRunsTo28February() throws {
        let t = try CreditRegister.list(message(decidedOn: "2028-02-29"), found: [a: referred(a)], open: nil,
                                        today: d("2028-03-01")).get()
        XCTAssertEqual(t.state.listedUntil, d("2031-02-28"))
    }

    func testEveryBasisCaseMustExistBeforeTheConditionIsLookedAt() {
        XCTAssertEqual(CreditRegister.list(message(basis: [a, b]), found: [a: referred(a)], open: nil, today: d("2026-03-05"))
            .creditRefusal, .unknownCase)
        XCTAssertEqual(CreditRegister.list(message(basis: [a, b]), found: [a: plain(a)], open: nil, today: d("2026-03-05"))
            .creditRefusal, .unknownCase, "unknown_case comes before the condition")
        XCTAssertEqual(CreditRegister.list(message(basis: ["not-a-uuid"]), found: [:], open: nil, today: d("2026-03-05"))
            .creditRefusal, .unknownCase)
    }

    func testAtLeastOneBasisCaseMustShowTheCondition() throws {
        XCTAssertEqual(CreditRegister.list(message(basis: [a, b]), found: [a: plain(a), b: plain(b)], open: nil,
                                           today: d("2026-03-05")).creditRefusal, .invalidState)
        let alert = CreditBasisCase(caseID: b, status: .transferred, collectiveAlerts: ["P-1"])
        let t = try CreditRegister.list(message(basis: [a, b]), found: [a: plain(a), b: alert], open: nil,
                                        today: d("2026-03-05")).get()
        XCTAssertEqual(t.state.basis, [a, b])
        XCTAssertEqual(t.timeline.map(\.caseID), [a, b], "every basis case gets the entry")
        XCTAssertEqual(t.timeline.first?.detail["condition"], [["case_id": .string(b), "collective_alerts": ["P-1"]]])
    }

    func testAnUnfoundedCaseShowsNoCondition() {
        var unfounded = referred(a, .resolved)
        unfounded.unfounded = true
        XCTAssertFalse(unfounded.showsCondition)
        XCTAssertEqual(CreditRegister.list(message(), found: [a: unfounded], open: nil, today: d("2026-03-05")).creditRefusal,
                       .invalidState)
    }

    func testASecondListingWhileOneIsOpenIsInvalidButNotAfterExpiryOrRemoval() throws {
        let open = listing()
        XCTAssertEqual(CreditRegister.list(message(decidedOn: "2026-04-01"), found: [a: referred(a)], open: open,
                                           today: d("2026-04-01")).creditRefusal, .invalidState)
        XCTAssertEqual(CreditRegister.list(message(decidedOn: "2029-03-02"), found: [a: referred(a)], open: open,
                                           today: d("2029-03-02")).creditRefusal, .invalidState, "the last day is in force")
        XCTAssertNoThrow(try CreditRegister.list(message(decidedOn: "2029-03-03"), found: [a: referred(a)], open: open,
                                                 today: d("2029-03-03")).get(), "expired the day after listed_until")
        var removed = open
        removed.removal = .error
        removed.removedOn = d("2026-04-01")
        XCTAssertNoThrow(try CreditRegister.list(message(decidedOn: "2026-04-02"), found: [a: referred(a)], open: removed,
                                                 today: d("2026-04-02")).get())
    }

    func testBasisIDsAreCanonicalAndEachOnce() throws {
        let upper = a.uppercased()
        let t = try CreditRegister.list(message(basis: [upper, a, b]), found: [a: referred(a), b: plain(b)], open: nil,
                                        today: d("2026-03-05")).get()
        XCTAssertEqual(t.state.basis, [a, b])
    }

    func testPersonsAreKeptButNotPutOnTheTimeline() throws {
        let persons = [CreditPerson(name: "张三", role: "法定代表人")]
        let t = try CreditRegister.list(message(persons: persons), found: [a: referred(a)], open: nil,
                                        today: d("2026-03-05")).get()
        XCTAssertEqual(t.state.persons, persons)
        XCTAssertFalse(t.timeline.first!.detail.serialized.contains("张三"))
        XCTAssertEqual(t.timeline.first?.detail["persons"], 1)
    }

    // MARK: credit.delist

    func testErrorWithdrawsAtOnceWhateverTheCases() throws {
        let t = try CreditRegister.delist(CreditDelist(creditCode: code, reason: .error), open: listing(),
                                          basis: [a: plain(a, .accepted)], today: d("2026-03-03")).get()
        XCTAssertEqual(t.state.removal, .error)
        XCTAssertEqual(t.state.removedOn, d("2026-03-03"))
        XCTAssertEqual(t.state.status(on: d("2026-03-03")), .withdrawn)
        XCTAssertFalse(t.state.isInForce(on: d("2026-03-03")))
        XCTAssertEqual(t.timeline.map(\.event), ["credit_delisted"])
    }

    func testEarlyRemovalNeedsSixMonthsSinceTheCorrection() throws {
        let early = CreditDelist(creditCode: code, reason: .earlyRemoval, correctedOn: d("2026-03-31"))
        let settled = [a: plain(a, .closed)]
        XCTAssertEqual(CreditRegister.delist(early, open: listing(), basis: settled, today: d("2026-09-29")).creditRefusal,
                       .invalidState)
        let t = try CreditRegister.delist(early, open: listing(), basis: settled, today: d("2026-09-30")).get()
        XCTAssertEqual(t.state.status(on: d("2026-09-30")), .removedEarly)
        XCTAssertEqual(t.state.correctedOn, d("2026-03-31"))
        XCTAssertEqual(t.timeline.first?.detail["allowed_from"], "2026-09-30")
    }

    func testEarlyRemovalAfterAMonthEndCorrection() throws {
        let early = CreditDelist(creditCode: code, reason: .earlyRemoval, correctedOn: d("2027-08-31"))
        let settled = [a: plain(a, .resolved)]
        let open = listing(decidedOn: "2027-01-10")
        XCTAssertEqual(CreditRegister.delist(early, open: open, basis: settled, today: d("2028-02-28")).creditRefusal,
                       .invalidState)
        XCTAssertNoThrow(try CreditRegister.delist(early, open: open, basis: settled, today: d("2028-02-29")).get(),
                         "31 August + 6 months = 29 February in a leap year")
    }

    func testEarlyRemovalNeedsEveryBasisCaseResolvedOrClosed() throws {
        let early = CreditDelist(creditCode: code, reason: .earlyRemoval, correctedOn: d("2026-03-02"))
        let open = listing(basis: [a, b])
        for status in CaseStatus.allCases {
            let outcome = CreditRegister.delist(early, open: open, basis: [a: plain(a, .closed), b: plain(b, status)],
                                                today: d("2026-12-01"))
            if status == .resolved || status == .closed {
                XCTAssertNoThrow(try outcome.get(), status.rawValue)
            } else {
                XCTAssertEqual(outcome.creditRefusal, .invalidState, status.rawValue)
            }
        }
        XCTAssertEqual(CreditRegister.delist(early, open: open, basis: [a: plain(a, .closed)], today: d("2026-12-01"))
            .creditRefusal, .invalidState, "a basis case not found counts as open")
    }

    func testNothingToDelistIsInvalidState() {
        let error = CreditDelist(creditCode: code, reason: .error)
        XCTAssertEqual(CreditRegister.delist(error, open: nil, basis: [:], today: d("2026-03-03")).creditRefusal, .invalidState)
        XCTAssertEqual(CreditRegister.delist(error, open: listing(), basis: [:], today: d("2029-03-03")).creditRefusal,
                       .invalidState, "an expired listing is not delisted")
        var withdrawn = listing()
        withdrawn.removal = .error
        withdrawn.removedOn = d("2026-03-03")
        XCTAssertEqual(CreditRegister.delist(error, open: withdrawn, basis: [:], today: d("2026-03-04")).creditRefusal,
                       .invalidState)
    }

    // MARK: status

    func testStatusIsComputedFromTheDay() {
        let l = listing(decidedOn: "2028-02-29")
        XCTAssertEqual(l.listedUntil, d("2031-02-28"))
        XCTAssertEqual(l.status(on: d("2028-02-29")), .listed)
        XCTAssertEqual(l.status(on: d("2031-02-28")), .listed)
        XCTAssertEqual(l.status(on: d("2031-03-01")), .expired)
        XCTAssertTrue(l.isInForce(on: d("2031-02-28")))
        XCTAssertFalse(l.isInForce(on: d("2028-02-28")), "not before decided_on")
        var removed = l
        removed.removal = .earlyRemoval
        XCTAssertEqual(removed.status(on: d("2032-01-01")), .removedEarly, "a removal stays a removal after expiry")
    }

    func testMasking() {
        XCTAssertEqual(CreditPerson.masked("张三"), "张*")
        XCTAssertEqual(CreditPerson.masked("欧阳娜娜"), "欧***")
        XCTAssertEqual(CreditPerson.masked("李"), "李*")
        XCTAssertEqual(CreditPerson.masked(""), "")
    }
}

extension Result {
    /// The failure, or nil on success.
    var creditRefusal: Failure? {
        if case .failure(let reason) = self { return reason }
        return nil
    }
}
