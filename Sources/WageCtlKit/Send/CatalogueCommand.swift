import ArgumentParser
import Messages
import Workflow

/// A sending command that builds its message as the catalogue's own type
/// (`WireMessage`) and sends its encoding: the field names, value kinds and wire
/// formats come from the one catalogue the router and the workers use.
///
/// Option text that does not parse (an amount, a date, a value outside a set) is
/// refused locally with the router's reason (`schema:<field>`) before anything is
/// sent, through `PayloadContext`'s typed readers.
protocol CatalogueCommand: MessageCommand {
    associatedtype Message: WireMessage
    /// The message built from the options.
    func message(_ context: PayloadContext) throws -> Message
}

extension CatalogueCommand {
    static var messageType: MessageType { Message.wireType }

    func payload(_ context: PayloadContext) throws -> JSONValue { try message(context).json }
}

/// Option text that is not a valid value for a field (`PayloadContext`'s typed
/// readers); `SendRunner` reports it as the router would (`schema:<path>`).
struct UnparsableOption: Error {
    /// The field's path in the payload (`amount_paid`, `order_to_pay.pay_by`).
    let path: String
    /// The text given; `nil` when a field the message needs was not given.
    let text: String?
}

extension PayloadContext {
    /// An amount in yuan (`125000.00`) for the field at `path`.
    func money(_ path: String, _ text: String) throws -> Money {
        guard let money = Money(yuan: text.trimmingCharacters(in: .whitespaces)), money > .zero,
              money <= Money.wireMaximum else { throw UnparsableOption(path: path, text: text) }
        return money
    }

    /// An optional amount; `nil` when the option was not given.
    func money(_ path: String, _ text: String?) throws -> Money? {
        try text.map { try money(path, $0) }
    }

    /// An ISO date (`2026-03-01`) for the field at `path`.
    func day(_ path: String, _ text: String) throws -> Day {
        guard let day = Day(iso: text.trimmingCharacters(in: .whitespaces)) else { throw UnparsableOption(path: path, text: text) }
        return day
    }

    /// An optional ISO date; `nil` when the option was not given.
    func day(_ path: String, _ text: String?) throws -> Day? {
        try text.map { try day(path, $0) }
    }

    /// A value of a closed set (an enumeration of the catalogue) for the field at `path`.
    func value<Value: RawRepresentable>(_ path: String, _ text: String, as _: Value.Type = Value.self) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text.trimmingCharacters(in: .whitespaces)) else {
            throw UnparsableOption(path: path, text: text)
        }
        return value
    }

    /// An optional value of a closed set; `nil` when the option was not given.
    func value<Value: RawRepresentable>(_ path: String, _ text: String?, as _: Value.Type = Value.self) throws -> Value?
    where Value.RawValue == String {
        try text.map { try value(path, $0, as: Value.self) }
    }
}
