"""Classroom: walkthroughs, exercises checked against the map, role-play, results. Pure: no UI."""
