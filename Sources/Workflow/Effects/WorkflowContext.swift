import Messages
import Foundation

/// What an event function may know about the world besides its state and event:
/// the current instant, the business day, and the working-day calendar.
public struct WorkflowContext: Sendable {
    /// The current instant (recorded as `*_at`).
    public var now: Date
    /// The business day of `now` in Asia/Shanghai (deadlines are counted from it).
    public var today: Day
    /// Working days and holidays.
    public var calendar: WorkingCalendar
    /// The configuration in force (CONTRACT §7.5): the working days of each
    /// deadline come from here, and each decision records the value it used.
    public var settings: WorkflowSettings

    /// A context at `now`; `today` is its day in Asia/Shanghai.
    public init(now: Date, calendar: WorkingCalendar, settings: WorkflowSettings = .default) {
        self.now = now
        self.today = Day(shanghai: now)
        self.calendar = calendar
        self.settings = settings
    }

    /// A context on `today` at 09:00 Shanghai time (convenient for tools and tests).
    public init(today: Day, calendar: WorkingCalendar, settings: WorkflowSettings = .default) {
        self.today = today
        self.now = today.shanghaiStart.addingTimeInterval(9 * 3600)
        self.calendar = calendar
        self.settings = settings
    }
}
