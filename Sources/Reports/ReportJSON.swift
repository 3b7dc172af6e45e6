import Messages

/// The monthly report as JSON (codes and English keys in every language).
extension MonthlyReport {
    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "month": .string(month), "as_of": .string(asOf.iso), "compiled_by": .string(compiledBy),
            "departments": .array((departments + [totals]).map { d in
                .compact(["department": .string(d.code), "received": .int(d.received), "resolved": .int(d.resolved),
                          "resolved_on_time": .int(d.resolvedOnTime), "closed": .int(d.closed), "overdue": .int(d.overdue),
                          "on_time_rate": d.onTimeRate.map { .number(format3($0)) }, "recovered": .money(d.recovered)])
            }),
        ]
        for (title, pairs) in sections {
            o[Self.snake(title)] = pairs.map { .object(Dictionary(uniqueKeysWithValues: $0.map {
                (Self.snake($0.0), JSONValue.string($0.1)) })) } ?? .null
        }
        return .object(o)
    }
}
