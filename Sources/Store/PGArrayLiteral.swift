/// Encoding and parsing of one-dimensional PostgreSQL `text[]` literals.
enum PGArrayLiteral {
    /// `{"a","b"}` with `"` and `\` backslash-escaped inside quotes; `{}` when empty.
    static func encode(_ elements: [String]) -> String {
        var out = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { out.append(",") }
            out.append("\"")
            for ch in element.unicodeScalars {
                if ch == "\"" || ch == "\\" { out.append("\\") }
                out.unicodeScalars.append(ch)
            }
            out.append("\"")
        }
        out.append("}")
        return out
    }

    /// Parses `array_out` output of a one-dimensional array: quoted and unquoted
    /// elements, backslash escapes, unquoted `NULL` (returned as nil) and an
    /// optional `[lo:hi]=` bounds prefix. Returns nil when the text is malformed
    /// or multi-dimensional.
    static func parse(_ text: String) -> [String?]? {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "[" {  // explicit bounds, e.g. [0:1]={a,b}
            guard let eq = scalars.firstIndex(of: "=") else { return nil }
            scalars = scalars[scalars.index(after: eq)...]
        }
        guard scalars.first == "{", scalars.last == "}" else { return nil }
        scalars = scalars.dropFirst().dropLast()
        var result: [String?] = []
        if scalars.allSatisfy({ $0 == " " }) { return result }

        var iterator = scalars.makeIterator()
        var current = String.UnicodeScalarView()
        var quoted = false, inQuotes = false, escaped = false, sawQuote = false
        func finish() -> Bool {
            if sawQuote {
                result.append(String(current))
            } else {
                let raw = String(current).trimmingSpaces()
                if raw.isEmpty { return false }
                result.append(!quoted && raw.uppercased() == "NULL" ? nil : raw)
            }
            current = String.UnicodeScalarView()
            quoted = false; sawQuote = false
            return true
        }
        while let ch = iterator.next() {
            if escaped {
                current.append(ch); escaped = false; quoted = true
            } else if ch == "\\" {
                escaped = true
            } else if inQuotes {
                if ch == "\"" { inQuotes = false } else { current.append(ch) }
            } else if ch == "\"" {
                if sawQuote || !String(current).trimmingSpaces().isEmpty { return nil }
                inQuotes = true; sawQuote = true; current = String.UnicodeScalarView()
            } else if ch == "," {
                guard finish() else { return nil }
            } else if ch == "{" || ch == "}" {
                return nil  // nested (multi-dimensional) or malformed
            } else if sawQuote {
                if ch != " " { return nil }  // text after a closing quote
            } else {
                current.append(ch)
            }
        }
        if inQuotes || escaped { return nil }
        guard finish() else { return nil }
        return result
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
