"""A class in the browser: the terminal UI served over the web, one session process per student.

``server`` answers the browser (the page, its files, the websocket of each session) and
guards the door (same-origin websockets, a cap on sessions, idle sessions ended, known files
only); ``sessions`` keeps the count and the clock; ``process`` starts each session's argmap
with fixed arguments and a small environment; ``session`` is what that process runs.
"""
