// TriageSession: see ../shared/DESIGN.md.
