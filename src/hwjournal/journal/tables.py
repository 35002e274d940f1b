"""The columns of the homework tables, named once: plans reads and writes them, the
bulk writer of an import writes them. (The entries' columns are journal/entry.py's.)"""

ASSIGNMENT_FIELDS = (
    "id",
    "uid",
    "template",
    "title",
    "schedule",
    "days",
    "start",
    "until",
    "ended",
    "note",
    "created_at",
)
