"""The coordination questions (issue 5, docs/COORDINATION.md): typed functions that run the
named statements in queries/coordination/ and return dataclasses, one module per question
(matches, needs, serving, routing, gaps, dual_reporting, case_stats, need_stats)."""
