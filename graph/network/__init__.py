"""Network analyses for planners (共建网络分析): projections read from Neo4j into networkx,
analyses as pure functions of a graph, a cache per graph version, and the report.

Read docs/NETWORK.md for what each network and measure means to a planner.
"""
