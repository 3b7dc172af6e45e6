import Messages

/// The monthly report as archived in `wage.report_snapshots.figures` (money as yuan
/// text, days as ISO dates, dispositions by code): every figure, so that a reprint
/// renders exactly what was reported.
extension MonthlyReport: Codable {
    enum CodingKeys: String, CodingKey {
        case month, firstDay = "first_day", endDay = "end_day", asOf = "as_of", compiledBy = "compiled_by"
        case departments, fund, referrals, legalAid = "legal_aid", petitions, dispositions
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(month: try c.decode(String.self, forKey: .month), firstDay: try c.decode(Day.self, forKey: .firstDay),
                  endDay: try c.decode(Day.self, forKey: .endDay), asOf: try c.decode(Day.self, forKey: .asOf),
                  compiledBy: try c.decode(String.self, forKey: .compiledBy),
                  departments: try c.decode([Department].self, forKey: .departments))
        fund = try c.decodeIfPresent(Fund.self, forKey: .fund)
        referrals = try c.decodeIfPresent(Referrals.self, forKey: .referrals)
        legalAid = try c.decodeIfPresent(LegalAid.self, forKey: .legalAid)
        petitions = try c.decodeIfPresent(Petitions.self, forKey: .petitions)
        let counts = try c.decode([String: Int].self, forKey: .dispositions)
        dispositions = CaseDisposition.allCases.map { ($0, counts[$0.rawValue] ?? 0) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(month, forKey: .month)
        try c.encode(firstDay, forKey: .firstDay)
        try c.encode(endDay, forKey: .endDay)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(compiledBy, forKey: .compiledBy)
        try c.encode(departments, forKey: .departments)
        try c.encodeIfPresent(fund, forKey: .fund)
        try c.encodeIfPresent(referrals, forKey: .referrals)
        try c.encodeIfPresent(legalAid, forKey: .legalAid)
        try c.encodeIfPresent(petitions, forKey: .petitions)
        try c.encode(Dictionary(uniqueKeysWithValues: dispositions.map { ($0.0.rawValue, $0.1) }), forKey: .dispositions)
    }
}
