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

# hw templates new
TEMPLATE_BAD_ID = "'{id}' cannot be a template id."
TEMPLATE_BAD_ID_HINT = "Use lowercase letters, digits and single dashes, like my-check-in."
TEMPLATE_EXISTS = "You already have a template file at {path}."
TEMPLATE_EXISTS_HINT = (
    "Edit that file, pick another id, or replace it with: hw templates new {id} --force"
)
TEMPLATE_OVERRIDES = "It has the id of a built-in template, so yours will be used instead of it."
TEMPLATE_NEW_EDIT_LATER = "Edit it, then check it with: hw templates validate {path}"
TEMPLATE_NEW_VALID = "{id} is ready. Start it with: hw start {id}"
TEMPLATE_ID_DIFFERS = (
    "  note: its id is now '{id}', but the file is still called {file}; "
    "renaming the file to match keeps things easy to find."
)
TEMPLATE_EDIT_PROBLEM = "The template needs one more fix: {problem}"
TEMPLATE_EDIT_AGAIN = "Open it again to fix that? [Y/n] "
TEMPLATE_KEPT = (
    "Your file is kept as it is at {path}. "
    "When you have fixed it, check it with: hw templates validate {path}"
)
EDITOR_FAILED = "Could not open your editor ({editor}): {problem}."

# hw week and hw export
WEEK_EMPTY = "Nothing recorded this week yet. Start one with: hw start values-compass"
WEEK_EMPTY_PAST = "Nothing was recorded in this week."
WEEK_STREAK = "{days} days in a row with an entry."
NOTHING_DUE = "nothing due this week"
NOT_RECORDED = "not recorded"
SCREENING_NOTE = "A screening score to talk over with your therapist, never a diagnosis."
ATTENTION_MARK = "(one to talk over with your therapist)"
EXPORT_WITHHELD = "{count} private {entries} withheld."
EXPORT_WITHHELD_HINT = "Add --include-private to include them."
EXPORT_WROTE = "Wrote {path} (readable by you only)."
EXPORT_EXISTS = "{path} already exists, so it was left as it is."
EXPORT_EXISTS_HINT = "Choose another file name, or add --force to replace it."
EXPORT_RANGE_BOTH = "Give either --week or --since/--until, not both."
EXPORT_UNTIL_ALONE = "--until needs --since too."
EXPORT_RANGE_ORDER = "--since {since} comes after --until {until}."
EXPORT_FORMAT = "'{name}' is not an export format hw knows."
EXPORT_FORMAT_HINT = "Use one of: {names}."
EXPORT_NO_FOLDER = "The folder for {path} does not exist."
EXPORT_CANNOT_WRITE = "Cannot write {path}: {problem}."

# hw config
CONFIG_UNKNOWN_KEYS = "{path} holds settings hw does not know, left as they are: {names}."
CONFIG_KEYS_ARE = "The settings hw knows are: {keys}."
CONFIG_FROM = "Settings from {path}; dim values are the defaults."
CONFIG_DEFAULTS = "No settings file yet ({path}), so these are the defaults."
CONFIG_SET = "{key} is now {value}."
CONFIG_UNREADABLE = "Cannot read the settings file {path}: {problem}."
CONFIG_MALFORMED = "{path} is not valid TOML: {problem}."
CONFIG_MALFORMED_HINT = "Fix the file by hand, or move it aside to start afresh."

# hw import
IMPORT_BAD_RECORD = "{where}: {problem}."
IMPORT_REFUSED_HINT = (
    "Nothing was imported and your journal is unchanged. Fix that record, then import again."
)
IMPORT_FORMAT_UNKNOWN = "'{format}' is not an import format hw knows."
IMPORT_FORMAT_HINT = "Name the format with --format hw-json, --format daylio or --format jrnl-json."
IMPORT_FORMAT_UNCLEAR = "hw cannot tell what kind of file {source} is."
IMPORT_NOT_HW_JSON = 'this is not an hw export (it has no "format": "hwjournal")'
IMPORT_NEWER = (
    "it was written by a newer hw (format version {version}); "
    "upgrade hw to import it: pip install --upgrade hwjournal"
)
IMPORT_MOOD_UNKNOWN = (
    "'{mood}' is not one of Daylio's moods (rad, good, meh, bad, awful); "
    'say what it means with --mood-map "{mood}=4"'
)
IMPORT_MOOD_MAP_BAD = "'{part}' in --mood-map is not NAME=1..5."
IMPORT_MOOD_MAP_HINT = 'Write it like --mood-map "great day=5,so-so=3".'
IMPORT_MOOD_TEMPLATE = (
    "The {template} template has no mood, activities and note steps, so Daylio entries "
    "have nowhere to go."
)
IMPORT_CANNOT_READ = "Cannot read {source}: {problem}."
IMPORT_DONE = "Imported {added} from {source}."
IMPORT_ALREADY = "Already in your journal, so left as they are: {already}."
IMPORT_NOTHING = "Nothing new in {source}: everything in it is already in your journal."
IMPORT_EMPTY = "{source} holds nothing to import."

# hw backup and hw check
BACKUP_NO_JOURNAL = "There is no journal at {path} yet, so there is nothing to back up."
BACKUP_NO_JOURNAL_HINT = "Your first entry creates it: hw start values-compass"
BACKUP_NOT_JOURNAL = "{path} is not an hw journal, so it was not backed up."
BACKUP_EXISTS = "{path} already exists, so it was left as it is."
BACKUP_EXISTS_HINT = "Choose another file name, or give a folder to put a dated copy in."
BACKUP_NO_FOLDER = "The folder for {path} does not exist."
BACKUP_FAILED = "The backup could not be written to {path}: {problem}."
BACKUP_FAILED_HINT = "Your journal is untouched. Check there is room on that disk, then try again."
BACKUP_DONE = "Backed up {entries} to {path} (readable by you only)."
BACKUP_PRUNED = "Removed {count} older automatic {backups} (backup_keep is {keep})."
CHECK_NO_JOURNAL = "There is no journal at {path} yet; nothing to check."
CHECK_OK = "Your journal is healthy."
CHECK_PROBLEMS = "{count} {problems} found."

# the journal's disk
DISK_FULL = "There is no room left on the disk to write to the journal at {path}."
DISK_FULL_HINT = "Nothing was changed and your journal is safe. Free some space, then try again."
DISK_IO = "The journal at {path} could not be written ({problem}): the disk may be full or failing."
DISK_IO_HINT = "Nothing was changed. Free some space or check the disk, then run: hw check"
JOURNAL_BUSY = "The journal at {path} is busy: another hw has been writing to it for a while."
JOURNAL_BUSY_HINT = "Nothing was changed. Try again in a moment."

# Homework plans: hw assign, hw assignments, hw due, hw skip, and hw alone
ASSIGNED = "Assigned {title}: {rhythm}, {span}. It is assignment {id}."
ASSIGNED_NEXT = "See what is due on a day with: hw due"
ASSIGNED_ALSO = (
    "{title} also has assignment {other} running. If this one replaces it, end that one "
    "with: hw assignments end {other}"
)
ASSIGN_ONE_RHYTHM = "Choose one rhythm: --daily, --weekly, --days or --once."
ASSIGN_ONE_RHYTHM_HINT = "Daily is what you get when you give none."
ASSIGN_UNTIL_AND_FOR = "Give either --until or --for, not both."
ASSIGN_UNTIL_AND_FOR_HINT = "--until 2026-11-29 and --for 7d say the same thing two ways."
ASSIGN_ENDS_FIRST = "It would end ({until}) before it starts ({start})."
ASSIGN_ENDS_FIRST_HINT = "Give an end on or after the start, or a length with --for."
ASSIGN_NO_DAY = "None of {days} falls between {start} and {until}."
ASSIGN_NO_DAY_HINT = "Choose other days, or a longer span."
ASSIGNMENTS_EMPTY = (
    "Nothing is assigned right now. Set homework with, for example: hw assign reframe-log --for 7d"
)
ASSIGNMENTS_ENDED_HINT = "Finished and ended assignments are listed with: hw assignments --all"
ASSIGNMENT_ENDED = (
    "Assignment {id} ({title}) has ended: nothing of it is due from today on. "
    "What was done and skipped stays counted."
)
ASSIGNMENT_WAS_ENDED = "Assignment {id} ({title}) had already ended on {date}; nothing changed."
ASSIGNMENT_WAS_FINISHED = "Assignment {id} ({title}) already ran its course on {date}."
ASSIGNMENT_UNKNOWN = "There is no assignment {id}."
ASSIGNMENT_UNKNOWN_HINT = "See them all with: hw assignments --all"
DUE_NOTHING = "Nothing is due today. Enjoy the breathing room."
DUE_NOTHING_ON = "Nothing is due on {date}."
DUE_ALL_DONE = "Everything due today is taken care of. Thank you for making the time."
DUE_ALL_DONE_ON = "Everything due on {date} is taken care of."
DUE_HEADING = "Due today"
DUE_HEADING_ON = "Due on {date}"
SKIP_NOT_LIVE = "Nothing of {what} is due on {date}."
SKIP_NOT_LIVE_HINT = "See what is due that day with: hw due --date {date}"
SKIP_ALREADY_DONE = "{title} was already done for {span} (on {date}), so there is nothing to skip."
SKIP_HEADING = "Setting aside {title}{when}."
SKIP_ASK = "What got in the way?"
SKIP_ASK_WHY = (
    "There is no wrong answer: it helps you and your therapist see what makes homework hard."
)
SKIP_ASK_HOW = "A number or the words; Enter for something else."
SKIP_BAD_CHOICE = "Please choose a number from 1 to {count}."
SKIP_NOTE_ASK = "Anything you want to add? (optional: Enter to leave it)"
SKIP_RECORDED = "Noted: {title} set aside{when} ({words})."
SKIP_UPDATED = "Updated: {title} set aside{when} ({words})."
SKIP_THANKS = (
    "Knowing what got in the way is useful; it is something to bring to your next session."
)
SKIP_CANCELLED = "Nothing was recorded."
TODAY_HELLO = "Hello. This is your homework journal; it stays on this computer."
TODAY_LAST = "Last entry: {title}, {when}."
TODAY_NO_ENTRIES = "No entries yet."
TODAY_STREAK = "{days} days in a row with an entry."
TODAY_NEXT = "Next:"
TODAY_DRAFT = "{title} is waiting, half-done, as draft {id}."
DAYS_NONE = "--days needs at least one day."
DAY_UNKNOWN = "'{word}' is not a day of the week hw knows."
DAYS_HINT = "Name days by their first three letters, separated by commas, like mon,wed,fri."
SPAN_UNKNOWN = "'{text}' is not a length of time hw understands."
SPAN_ZERO = "A plan needs at least one day, and '{text}' gives none."
SPAN_TOO_LONG = "'{text}' is longer than hw can plan for (ten years at most)."
SPAN_HINT = "Give a number of days or weeks, like 7d or 2w."
BARRIER_UNKNOWN = "'{text}' is not one of the barriers hw knows."
BARRIER_HINT = "Use one of: {choices}."
EXPORT_NOTHING = "Nothing was recorded in these days."
STILL_OPEN = "still open"

# hw trends
TRENDS_SINCE_AND_MONTHS = "Give either --since or --months, not both."
TRENDS_RANGE_ORDER = "--since {since} comes after --until {until}; swap the two dates."
TRENDS_MONTHS_BAD = "--months takes a whole number of months, 1 or more, like 6 (not '{text}')."
TRENDS_MEASURE_UNKNOWN = (
    "There is no measure called '{id}': hw trends --measure takes a scored template, "
    "like phq-9 or gad-7."
)
TRENDS_MEASURE_UNSCORED = (
    "{title} ({id}) has no score, so it is not a measure: hw trends --measure takes a "
    "scored template, like phq-9 or gad-7."
)
TRENDS_EMPTY = (
    "Nothing is recorded between these dates yet. Every entry adds to this picture; "
    "start one with: hw start mood-checkin"
)
TRENDS_ENTRIES = "{entries} on {days} of these {all} days."
TRENDS_NO_SCORES = "No scores between these dates."
TRENDS_ONE_SCORE = "One score so far: {score} on {date}."
TRENDS_NEXT_SHOWS = "The next one will show a direction."
TRENDS_FIRST_LATEST = "First {first} on {first_date}, latest {latest} on {latest_date}: {how}."
TRENDS_IMPROVEMENT = (
    "Reliable improvement: a change of {points} points or more is beyond the ordinary "
    "ups and downs of the questionnaire."
)
TRENDS_NO_RELIABLE_CHANGE = (
    "No reliable change: a change smaller than {points} points can be the ordinary "
    "ups and downs of the questionnaire."
)
TRENDS_DETERIORATION = (
    "Reliable deterioration: scores have {way} by {points} points or more, beyond the "
    "ordinary ups and downs. That happens, and it is not a failing. It is worth bringing "
    "to your next session, so you and your therapist can look at it together."
)
TRENDS_ALSO = "Also: {words}."
TRENDS_MEANS_RECOVERY = "recovery (from {caseness} or {case} to {out} {caseness})"
TRENDS_MEANS_RELIABLE_RECOVERY = "reliable recovery (recovery, with a reliable improvement)"
TRENDS_MEANS_RESPONSE = "response ({way} by {share} or more)"
TRENDS_MEANS_REMISSION = "remission ({side} {value})"
TRENDS_HOMEWORK_LEGEND = "█ done  ▒ skipped  ░ not recorded  ┊ still open  · nothing due"
TRENDS_MOOD_LEGEND = "· no entry  ○ no mood given"
TRENDS_WEEKLY_NOTE = "Under the days, each week's average mood (1 to 5)."
TRENDS_MOOD_AVERAGE = "Average {average} of 5 ({word}) over {count} with a mood."
TRENDS_NO_MOOD = "No entry between these dates gave a mood."
TRENDS_NO_HOMEWORK = "No homework was due between these dates."
TRENDS_HOMEWORK_TOTAL = "Over {weeks}: {done} of {due} done ({percent}%)"
TRENDS_BARRIERS = "What got in the way, most often first"
TRENDS_DOTS_AVERAGED = (
    "Where scores share a column, the dot is their average (a column is about {days} days)."
)
PROGRESS = "{words} since {total}{band} on {date}"
PROGRESS_WORSE = ": worth bringing to your next session"
