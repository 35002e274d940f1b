"""Every sentence hw says to a person, in one place, so the tone stays the same:
calm, plain, never blaming. Placeholders use str.format."""

SAVED = "Saved as entry {id}. Thank you for taking the time."
SAVED_PRIVATE = "Saved as entry {id} (private: it stays out of exports unless you ask)."
DRAFT_KEPT = "Your answers so far are kept as draft {id}. Go on any time with: hw resume {id}"
NOTHING_TO_KEEP = "Stopped before any answer; nothing was saved."
NO_DRAFTS = "There is no unfinished entry to go on with."
NOT_A_DRAFT = "Entry {id} is already complete; there is nothing to resume."
MISSING_ANSWERS = "{template} still needs an answer for: {steps}."
MISSING_HINT = "Give them with --answer ID=VALUE (or run hw start in a terminal to be asked)."
ANSWERS_JSON_BAD = "{source} is not valid JSON: {problem}."
DELETE_ASK = "Delete entry {id} ({title}, {date}) for good? It cannot be undone. [y/N] "
DELETED = "Entry {id} is gone from the journal for good."
DELETE_BACKUPS = (
    "Backups made before now still hold it; delete those files too if you need it gone everywhere."
)
DELETE_NEEDS_YES = "Deleting needs a yes: this is for good."
DELETE_NEEDS_YES_HINT = "Add --yes to delete without a terminal: hw delete {id} --yes"
KEPT = "Nothing was deleted."
LOG_EMPTY = "No entries yet. Start one with: hw start values-compass"
LOG_EMPTY_FILTERED = "No entries match that."
UNEXPECTED = "hw ran into a problem it did not expect: {problem}"
UNEXPECTED_HINT = "Your journal is safe. Run again with HW_DEBUG=1 to see the details."
INTERRUPTED = "Stopped."

ALERT_DEFAULT = (
    "One of your answers says things may be very hard right now. You deserve support "
    "with that, today."
)
ALERT_CONTACT = "Your crisis contact: {contact}"
ALERT_NO_ONE = (
    "hw tells no one and watches nothing: it cannot send help. If you might be in danger, "
    "contact your therapist now, or your local emergency services."
)
ALERT_PRIVATE_NOTE = "(This entry is private: the alert is shown to you only.)"
