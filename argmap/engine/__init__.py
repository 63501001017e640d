"""Pure debate logic: time, positions and (later) argumentation semantics."""
