// IncidentLog: see ../shared/DESIGN.md.
