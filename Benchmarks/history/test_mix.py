"""Unit tests of the seeder's mixes (no database): python3 Benchmarks/history/test_mix.py"""
import random
import unittest

import mix


class CumulativeTests(unittest.TestCase):
    def test_bounds_rise_to_exactly_one(self):
        bounds = mix.cumulative([("a", 1), ("b", 2), ("c", 7)])
        self.assertEqual([v for v, _ in bounds], ["a", "b", "c"])
        self.assertAlmostEqual(bounds[0][1], 0.1)
        self.assertAlmostEqual(bounds[1][1], 0.3)
        self.assertEqual(bounds[-1][1], 1.0)

    def test_refuses_empty_or_negative_weights(self):
        with self.assertRaises(ValueError):
            mix.cumulative([("a", 0)])
        with self.assertRaises(ValueError):
            mix.cumulative([("a", 2), ("b", -1)])

    def test_pick_follows_the_weights(self):
        draws = random.Random(7)
        picks = [mix.pick(draws.random(), mix.RISKS) for _ in range(20000)]
        self.assertAlmostEqual(picks.count("low") / len(picks), 0.6, delta=0.02)
        self.assertAlmostEqual(picks.count("high") / len(picks), 0.1, delta=0.01)

    def test_pick_at_the_edges(self):
        self.assertEqual(mix.pick(0.0, [("a", 1), ("b", 1)]), "a")
        self.assertEqual(mix.pick(0.5, [("a", 1), ("b", 1)]), "b")
        self.assertEqual(mix.pick(0.999999, [("a", 1), ("b", 1)]), "b")


class StatusTests(unittest.TestCase):
    def test_old_cases_are_mostly_finished_recent_ones_mostly_open(self):
        draws = random.Random(11)
        old = [mix.status_for(400, draws.random()) for _ in range(5000)]
        recent = [mix.status_for(3, draws.random()) for _ in range(5000)]
        share_open = lambda s: sum(x in mix.OPEN_STATUSES for x in s) / len(s)
        self.assertLess(share_open(old), 0.1)
        self.assertGreater(share_open(recent), 0.6)

    def test_age_bands_are_exclusive(self):
        self.assertEqual(mix.status_for(121, 0.0), "closed")
        self.assertEqual(mix.status_for(120, 0.0), "closed")  # 30 < 120: the middle band starts with closed too
        self.assertEqual(mix.status_for(10, 0.0), "registered")


class SQLTests(unittest.TestCase):
    def test_case_sql_has_one_arm_per_value_but_the_last(self):
        sql = mix.case_sql("r", [("a", 1), ("b", 1), ("c", 2)])
        self.assertEqual(sql, "(CASE WHEN r < 0.25 THEN 'a' WHEN r < 0.5 THEN 'b' ELSE 'c' END)")

    def test_quote_doubles_quotes(self):
        self.assertEqual(mix.quote("o'k"), "'o''k'")

    def test_every_channel_and_sector_maps_to_a_principal(self):
        self.assertIn("WHEN 'bank' THEN 'bank'", mix.mapped_sql("c", mix.CHANNELS))
        self.assertIn("WHEN 'construction' THEN 'housing'", mix.mapped_sql("s", mix.SECTORS))


if __name__ == "__main__":
    unittest.main()
