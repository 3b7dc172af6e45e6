/// Masks personal data (resident ID numbers, mobile and landline phone numbers)
/// in free text before it reaches a log line.
public enum PersonalDataMasking {
    /// Replaces every run of 7 or more digits (optionally ending in `X` for an ID
    /// number) with its first 3 and last 2 characters kept: `110105********123X`
    /// becomes `110*************3X`; `13812345678` becomes `138******78`.
    public static func mask(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var run = ""
        func flush() {
            if run.count >= 7 {
                out += run.prefix(3) + String(repeating: "*", count: run.count - 5) + run.suffix(2)
            } else {
                out += run
            }
            run = ""
        }
        for ch in text {
            if ch.isASCII && ch.isNumber {
                run.append(ch)
            } else if (ch == "X" || ch == "x") && run.count == 17 {
                run.append(ch)
                flush()
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }
}
