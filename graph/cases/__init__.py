"""The life of a case (事件/矛盾纠纷/信访): state machine, transitions, events, the live feed.

`machine` is the transition table (pure), `routing` the level rule (pure, shared with the
coordination questions), `transitions` the writes (one statement each, version-checked),
`history` and `limits` the reads, `feed` the pub/sub that carries events to subscribers on
every process.
"""
