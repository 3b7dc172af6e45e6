"""The history seeder's mixes (issue 23): weights of each kind of case, and the
pure function that turns them into the SQL that draws from them.

Every weight is a share of the cases; the SQL draws with one `random()` per case
and per column, so the seeded database holds these shares within sampling noise.
"""

CHANNELS = [  # (channel, origin principal, weight)
    ("national_platform", "platform", 40), ("hotline", "hrss", 25), ("walk_in", "hrss", 12),
    ("labour_inspection", "hrss", 8), ("petition", "petitions", 7), ("department", "housing", 4),
    ("payroll", "hrss", 3), ("bank", "bank", 1),
]

SECTORS = [  # (sector, assignee department, weight)
    ("construction", "housing", 45), ("manufacturing", "hrss", 15), ("services", "hrss", 12),
    ("transport", "transport", 7), ("individual_business", "market", 6), ("water", "water", 5),
    ("agriculture", "agriculture", 5), ("other", "hrss", 5),
]

RISKS = [("low", 60), ("medium", 30), ("high", 10)]

DISPOSITIONS = [
    ("paid", 70), ("mediated", 10), ("unfounded", 8), ("arbitration", 5), ("litigation", 3),
    ("referred_police", 2), ("other_channel", 2),
]

# Status by the case's age: older cases are mostly closed, recent ones mostly open.
STATUS_BY_AGE = [  # (older than days, [(status, weight)])
    (120, [("closed", 75), ("resolved", 21), ("accepted", 2), ("task_force", 1), ("leader_package", 1)]),
    (30, [("closed", 40), ("resolved", 35), ("accepted", 15), ("task_force", 6), ("transferred", 2),
          ("leader_package", 2)]),
    (0, [("registered", 3), ("transferred", 25), ("accepted", 40), ("returned", 2), ("task_force", 5),
         ("resolved", 20), ("closed", 5)]),
]

OPEN_STATUSES = ("registered", "transferred", "accepted", "returned", "task_force", "leader_package")

# Share of the open cases (with a deadline) whose deadline is already past: the
# work of the next sweep. The others are due within DUE_AHEAD_DAYS.
OVERDUE_SHARE = 0.01
DUE_AHEAD_DAYS = 20

# Timeline entries beyond the fixed ones (registered, transferred, received,
# accepted, resolved, closed): progress notes, uniformly in [low, high].
PROGRESS_FINISHED = (8, 24)
PROGRESS_OPEN = (2, 14)

# Rows of the other logs per case.
ROUTING_PER_CASE = 4
INBOX_PER_CASE = 4
OUTBOX_PER_CASE = 2


def cumulative(weights):
    """[(value, weight)] → [(value, upper bound in [0, 1])], the last bound exactly 1.

    >>> cumulative([("a", 1), ("b", 3)])
    [('a', 0.25), ('b', 1.0)]
    """
    total = sum(weight for _, weight in weights)
    if total <= 0 or any(weight < 0 for _, weight in weights):
        raise ValueError("weights must be non-negative with a positive sum")
    bounds, running = [], 0
    for value, weight in weights:
        running += weight
        bounds.append((value, running / total))
    bounds[-1] = (bounds[-1][0], 1.0)
    return bounds


def quote(value):
    """A SQL string literal."""
    return "'" + str(value).replace("'", "''") + "'"


def case_sql(draw, weights):
    """A SQL CASE that maps `draw` (an expression in [0, 1)) to a value with these weights."""
    bounds = cumulative(weights)
    arms = " ".join(f"WHEN {draw} < {bound!r} THEN {quote(value)}" for value, bound in bounds[:-1])
    return f"(CASE {arms} ELSE {quote(bounds[-1][0])} END)" if arms else quote(bounds[-1][0])


def pick(draw, weights):
    """The value `case_sql` would give for this draw (the same rule in Python)."""
    for value, bound in cumulative(weights):
        if draw < bound:
            return value
    return weights[-1][0]


def status_sql(age_days, draw):
    """The status CASE by age: the first band whose age bound the case passes."""
    arms = " ".join(f"WHEN {age_days} > {older} THEN {case_sql(draw, mix)}" for older, mix in STATUS_BY_AGE[:-1])
    return f"(CASE {arms} ELSE {case_sql(draw, STATUS_BY_AGE[-1][1])} END)"


def status_for(age_days, draw):
    """The status `status_sql` gives (Python twin, for the tests)."""
    for older, mix in STATUS_BY_AGE:
        if age_days > older:
            return pick(draw, mix)
    return pick(draw, STATUS_BY_AGE[-1][1])


def mapped_sql(column, pairs):
    """CASE column WHEN key THEN mapped value … (channel → origin, sector → assignee)."""
    arms = " ".join(f"WHEN {quote(key)} THEN {quote(value)}" for key, value, _ in pairs)
    return f"(CASE {column} {arms} END)"
