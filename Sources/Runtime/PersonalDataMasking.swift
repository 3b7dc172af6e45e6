/// Masks personal data (resident ID numbers, mobile and landline phone numbers)
/// in free text before it reaches a log line.
public enum PersonalDataMasking {
    /// Replaces every stand-alone run of 7 or more digits (an 18-character ID
    /// number may end in `X`) with its first 3 and last 2 characters kept:
    /// `11010519491231002X` becomes `110*************2X`; `13812345678` becomes
    /// `138******78`. Digits glued to letters (hashes, identifiers such as
    /// `a1234567b`) and decimal amounts (`1280000.00`) are left alone.
    public static func mask(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { out.append(chars[i]); i += 1; continue }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            if j - i == 17, j < chars.count, chars[j] == "X" || chars[j] == "x" { j += 1 }
            let run = String(chars[i..<j])
            let gluedBefore = i > 0 && isLetter(chars[i - 1])
            let gluedAfter = j < chars.count && isLetter(chars[j])
            // A decimal amount ("1280000.00") is money, not a phone number.
            let decimal = (j + 1 < chars.count && chars[j] == "." && chars[j + 1].isNumber)
                || (i > 0 && chars[i - 1] == ".")
            if run.count >= 7, !gluedBefore, !gluedAfter, !decimal {
                out += run.prefix(3) + String(repeating: "*", count: run.count - 5) + run.suffix(2)
            } else {
                out += run
            }
            i = j
        }
        return out
    }

    private static func isLetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }
}
