// RunbookCore: see ../shared/DESIGN.md.
