"""Every sentence hw says to a person, in one place, so the tone stays the same:
calm, plain, never blaming. Placeholders use str.format.

Sections, in order: doing an exercise and reading entries back; what a command line
hands a command; dates and files; what many commands say (usage, settings, templates,
answers); where to turn and hw sos; hw templates new; the week and the export; hw
config; hw import; hw backup and hw check; opening the journal and its disk; homework
plans; step types and template files; hw trends; encrypted journals; then what
template files, import records, several commands and the terminal's step-by-step
prompts say (gathered from their modules in issue 24); for the therapist (hw export
--from, hw caseload); what a file read in (an import, a client's file) is told."""

from hwjournal.numerals import Plural

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
# what counts as a yes to a [y/N] question, and to a yes-or-no step (streams.said_yes):
# the words, space-separated; a language adds its own (es: sí) and keeps y and yes
YES_WORDS = "y yes"
DELETE_NEEDS_YES_HINT = "Add --yes to delete without a terminal: hw delete {id} --yes"
KEPT = "Nothing was deleted."
ENTRY_UNKNOWN = "There is no entry {id}."
ENTRY_UNKNOWN_HINT = "See your entries with: hw log"
LOG_EMPTY = "No entries yet. Start one with: hw start values-compass"
LOG_EMPTY_FILTERED = "No entries match that."
# what a command line hands a command, checked once for every command (fast.check_values)
ARG_NUL = "The value of {name} holds a NUL character, which hw cannot take."
ARG_NUL_HINT = "Retype the value without it."
ARG_NOT_UTF8 = "The value of {name} is not UTF-8 text."
ARG_NOT_UTF8_HINT = "Set your terminal to UTF-8, or retype the value."
ARG_TOO_LARGE = "{name} {value} is more than hw can count."
ARG_TOO_LARGE_HINT = "Give a smaller number."
# dates and moods as screens and exports write them (render/words.py): the names are
# one string each, split on spaces (the moods on |), so a language's order is its own
DAYS_SHORT = "Mon Tue Wed Thu Fri Sat Sun"
DAYS_LONG = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
MONTHS_LONG = (
    "January February March April May June July August September October November December"
)
MONTHS_SHORT = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"
DATE_WEEKDAY_DAY = "{weekday} {day}"
DATE_WEEKDAY_DAY_MONTH = "{weekday} {day} {month}"
DATE_WEEKDAY_FULL = "{weekday} {day} {month} {year}"
DATE_DAY_MONTH = "{day} {month_short}"
DATE_DAY_MONTH_SHORT_YEAR = "{day} {month_short} {year}"
DATE_FULL = "{day} {month} {year}"
DATE_SPAN_DAYS = "{first}–{last} {month} {year}"
DATE_SPAN_MONTHS = "{first} {first_month} – {last} {last_month} {year}"
DATE_SPAN_YEARS = "{first} {first_month} {first_year} – {last} {last_month} {last_year}"
MOOD_WORDS = "very low|low|so-so|good|very good"
# homework as the screens say it (render/plans.py)
RHYTHM_DAILY = "every day"
RHYTHM_WEEKLY = "once a week"
RHYTHM_ONCE = "once"
RHYTHM_ON_DAYS = "on {days}"
DAY_TODAY = "today"
DAY_YESTERDAY = "yesterday"
DAY_TOMORROW = "tomorrow"
SPAN_ENDED = "{start} to {ended}, ended"
SPAN_TO = "{start} to {until}"
SPAN_FROM_OPEN = "from {start}, no set end"
SPAN_STARTING_OPEN = "starting {start}, no set end"
DUE_ONCE_THIS_WEEK = "once this week"
DUE_ONCE_THIS_WEEK_UNTIL = "once this week, any day until {day}"
DUE_ONCE_WHENEVER = "once, whenever suits you"
DUE_ONCE_BY = "once, by {day}"
WHEN_ENDED = "ended {date}"
WHEN_FROM = "from {date}"
WHEN_STARTS = "starts {date}"
WHEN_FROM_TO = "{begins} to {date}"
FIGURE_SET_ASIDE = "{skipped} set aside"
FIGURE_OPEN_TODAY = "open today"
ASSIGNMENT_NOTE = ", note: "
ASSIGNMENT_ROW = "assignment {}"
MOOD_PICTURE = "mood {mood}/5 ({word})"
MOOD_SPOKEN = "mood {words}"
MOOD_NONE = "no mood"
SCALE_OF = "{value} of {high}"
SCALE_FROM_TO = "{value} on a scale from {low} to {high}"
CHANGE_FIRST = "the first one recorded"
CHANGE_SAME = "the same as on {date} ({total})"
CHANGE_HIGHER = "{amount} higher than on {date} ({total})"
CHANGE_LOWER = "{amount} lower than on {date} ({total})"
META_TAGS = "tags: {tags}"
META_PRIVATE = "private"
META_WRITTEN = "written {date}"
# a date a person gives (dates.py)
DATE_OUTSIDE = "{date} is outside the dates hw keeps ({first} to {last})."
DATE_OUTSIDE_HINT = "Give a day in that span."
# a file named for hw to read (sources.py): "Cannot read PATH: PROBLEM."
FILE_CANNOT_READ = "Cannot read {path}: {problem}."
FILE_NUL = "its name holds a NUL character"
FILE_MISSING = "No such file or directory"
FILE_DANGLING = "it is a link to {target}, which does not exist"
FILE_IS_FOLDER = "it is a folder"
FILE_NOT_REGULAR = "it is {what}, not a regular file"
FILE_TOO_LARGE = "it is {size}, more than any {kind} could be"
FILE_TOO_LARGE_HINT = "Check it is the file you meant: hw reads at most {limit} of it."
FILE_NOT_UTF8 = "it is not UTF-8 text (line {line}); save it as UTF-8"
FILE_PIPE_HINT = "Give the file itself, or send it on stdin with - instead of a name."
UNEXPECTED = "hw ran into a problem it did not expect: {problem}"
UNEXPECTED_HINT = "Your journal is safe. Run again with HW_DEBUG=1 to see the details."

ALERT_DEFAULT = (
    "One of your answers says things may be very hard right now. You deserve support "
    "with that, today."
)
ALERT_NO_ONE = (
    "hw tells no one and watches nothing: it cannot send help or let anyone know. "
    "Reaching out is up to you, and you deserve to be heard."
)
ALERT_PRIVATE_NOTE = (
    "This entry is private, so your therapist will not see this answer in an export. "
    "You can still tell them about it."
)

# said by many commands: usage, dates, files, settings, templates, answers
USAGE_ERROR = "Error: {problem}"
USAGE_SEE_HELP = "See what it takes with: {path} --help"
# the command line's own words (cli_words.py): Click's and Typer's, as they say them
CLI_USAGE = "Usage: "
CLI_OPTIONS_METAVAR = "[OPTIONS]"
CLI_COMMAND_METAVAR = "COMMAND [ARGS]..."
CLI_HELP_OPTION = "Show this message and exit."
CLI_INSTALL_COMPLETION = "Install completion for the current shell."
CLI_SHOW_COMPLETION = (
    "Show completion for the current shell, to copy it or customize the installation."
)
# hw --install-completion / --show-completion [SHELL] (shell_setup.py), in hw's words
COMPLETION_INSTALL_HELP = (
    "Install completion for the current shell, or for the one named after it "
    "(bash, zsh, fish, powershell)."
)
COMPLETION_SHOW_HELP = (
    "Show completion for the current shell, or for the one named after it, "
    "to copy it or customize the installation."
)
COMPLETION_INSTALLED = "Completion for {shell} is installed in {path}."
COMPLETION_NEW_TERMINAL = "It works in a new terminal: open one, or restart this one."
COMPLETION_NO_SHELL = "hw could not tell which shell you are using."
COMPLETION_SHELL_UNKNOWN = "hw cannot set up completion for '{shell}', only for {shells}."
COMPLETION_NAME_SHELL = "Name the shell ({shells}), for example: hw {flag} bash"
# What Python's JSON and TOML readers say is wrong with a file (problems.py), by
# their own English words: a {placeholder} is what they quote from the file
PARSER_AT = "(line {line}, column {column})"
PARSER_AT_END = "(at the end of the file)"
PARSER_PROBLEMS = {
    # json, in Python and in its C scanner
    "Expecting value": "Expecting value",
    "Expecting property name enclosed in double quotes": (
        "Expecting property name enclosed in double quotes"
    ),
    "Expecting ':' delimiter": "Expecting ':' delimiter",
    "Expecting ',' delimiter": "Expecting ',' delimiter",
    "Extra data": "Extra data",
    "Unterminated string starting at": "Unterminated string starting at",
    "Invalid control character at": "Invalid control character at",
    "Invalid control character {char} at": "Invalid control character {char} at",
    "Invalid \\escape": "Invalid \\escape",
    "Invalid \\escape: {char}": "Invalid \\escape: {char}",
    "Invalid \\uXXXX escape": "Invalid \\uXXXX escape",
    # tomllib
    "Cannot declare {key} twice": "Cannot declare {key} twice",
    "Cannot mutate immutable namespace {key}": "Cannot mutate immutable namespace {key}",
    "Cannot overwrite a value": "Cannot overwrite a value",
    "Cannot redefine namespace {key}": "Cannot redefine namespace {key}",
    "Duplicate inline table key {key}": "Duplicate inline table key {key}",
    "Escaped character is not a Unicode scalar value": (
        "Escaped character is not a Unicode scalar value"
    ),
    "Expected '=' after a key in a key/value pair": "Expected '=' after a key in a key/value pair",
    "Expected ']' at the end of a table declaration": (
        "Expected ']' at the end of a table declaration"
    ),
    "Expected ']]' at the end of an array declaration": (
        "Expected ']]' at the end of an array declaration"
    ),
    "Expected newline or end of document after a statement": (
        "Expected newline or end of document after a statement"
    ),
    "Expected {expected}": "Expected {expected}",
    "Found invalid character {char}": "Found invalid character {char}",
    "Illegal character {char}": "Illegal character {char}",
    "Invalid date or datetime": "Invalid date or datetime",
    "Invalid hex value": "Invalid hex value",
    "Invalid initial character for a key part": "Invalid initial character for a key part",
    "Invalid statement": "Invalid statement",
    "Invalid value": "Invalid value",
    "Unclosed array": "Unclosed array",
    "Unclosed inline table": "Unclosed inline table",
    "Unescaped '\\' in a string": "Unescaped '\\' in a string",
    "Unterminated string": "Unterminated string",
}
# What the system says went wrong with a file (problems.os_said), by its error's name;
# ENOENT is FILE_MISSING. As C's strerror says them in English.
OS_PROBLEMS = {
    "EACCES": "Permission denied",
    "EPERM": "Operation not permitted",
    "EISDIR": "Is a directory",
    "ENOTDIR": "Not a directory",
    "ENOSPC": "No space left on device",
    "EDQUOT": "Disk quota exceeded",
    "EROFS": "Read-only file system",
    "ENAMETOOLONG": "File name too long",
    "ELOOP": "Too many levels of symbolic links",
    "EIO": "Input/output error",
    "EEXIST": "File exists",
    "EBUSY": "Device or resource busy",
    "EMFILE": "Too many open files",
    "ENXIO": "No such device or address",
}
SESSION_NOT_PRIVATE = "it is not private to you"
CLI_ARGUMENTS = "Arguments"
CLI_OPTIONS = "Options"
CLI_COMMANDS = "Commands"
CLI_REQUIRED = "required"
CLI_DEFAULT = "default: {default}"
CLI_DYNAMIC = "(dynamic)"
CLI_ENV_VAR = "env var: {var}"
CLI_MISSING_COMMAND = "Missing command."
CLI_NO_SUCH_COMMAND = "No such command {name!r}."
CLI_DID_YOU_MEAN = "Did you mean {suggestions}?"
CLI_NO_SUCH_OPTION = "No such option: {name}"
CLI_POSSIBLE_OPTIONS = "(Possible options: {options})"
CLI_MISSING_ARGUMENT = "Missing argument {name}."
CLI_MISSING_OPTION = "Missing option {name}."
CLI_NEEDS_VALUE = "Option {name} requires an argument."
CLI_TAKES_NO_VALUE = "Option {name} does not take a value."
CLI_EXTRA_ARGUMENTS = "Got unexpected extra argument(s) ({args})"
CLI_INVALID_VALUE = "Invalid value for {hint}: {message}"
CLI_NOT_ONE_OF = "{value} is not one of {choices}."
CLI_NOT_A_NUMBER = "It should be a whole number."
CANNOT_READ = "Cannot read {path}: {problem}."
NO_SUCH_FILE = "No such file: {path}."
CHECK_THE_PATH = "Check the path and try again."
DATE_NOT_UNDERSTOOD = "'{text}' is not a date hw understands."
WEEK_NOT_IN_YEAR = "{year} has no week {number}."
WEEK_NOT_UNDERSTOOD = "'{text}' is not a week hw understands."
CONFIG_NO_SUCH_KEY = "There is no setting called '{key}'."
CONFIG_SETTINGS_ARE = "Settings are: {keys}."
CONFIG_BAD_VALUE = "'{value}' is not a valid value for {key}."
USE_ALLOWED = "Use {allowed}."
ANSWERS_JSON_NOT_OBJECT = "{source}: answers should be a JSON object of step id to answer."
NO_SUCH_STEP = "{template} has no step called '{step}'."
STEPS_ARE = "Its steps are: {ids}."
NO_SUCH_TEMPLATE = "There is no template called '{id}'."
SKIPPED_TEMPLATE = "Skipped {problem}"
TEMPLATE_SKIPPED_BROKEN = "Skipped a broken template: {problem}"
TEMPLATE_INVALID = "{mark} {problem}"
TEMPLATE_VALID = "{mark} {path}: {id} is valid."
TEMPLATE_NOTE = "  note: {note}"
LOG_BAD_COUNT = "-n {n} is not a count."
LOG_BAD_COUNT_HINT = "Use a number of entries, or 0 for all."
TAG_UNUSABLE = "'{tag}' is not a usable tag."
TAG_HINT = "Tags are single words, like work."
ANSWER_NOT_PAIR = "'{pair}' is not ID=VALUE."
ANSWER_NOT_PAIR_HINT = "Write answers like --answer thought='I always get it wrong'."
MOOD_BAD = "'{text}' is not a mood from 1 to 5."
MOOD_BAD_HINT = "1 is very low, 3 is so-so, 5 is very good."
IMPORT_FOLDER = "{path} is a folder."
IMPORT_FOLDER_HINT = "Give the file itself, e.g. hw import ~/daylio_export.csv"
GOAL_UNKNOWN = "'{goal}' is not one of the goals."
GOALS_ARE = "Goals are: {goals}."
TEMPLATES_NONE_MATCH = "No template matches that."

# where to turn: alerts and hw sos (safety.py puts them in order)
SAFETY_WHERE_NOW = "Where to turn now:"
SAFETY_EMERGENCY = (
    "If you might act on thoughts of harming yourself, call {numbers} now, "
    "or go to the nearest emergency department."
)
SAFETY_EMERGENCY_ANY = (
    "If you might act on thoughts of harming yourself, call your local emergency number "
    "now (such as {numbers}), or go to the nearest emergency department."
)
SAFETY_OR = "{some} or {last}"
SAFETY_LINE_CALL = "{name}: call {phone}"
SAFETY_LINE_CALL_TEXT = "{name}: call or text {phone}"
SAFETY_LINE_SMS = ", or text {sms}"
SAFETY_LINE_FREE = ", free"
SAFETY_LINE_ALWAYS = ", day or night"
SAFETY_LINE_HOURS = ", {hours}"
# another way into the same line, in another language: "; in Spanish, press 2 or text AYUDA"
SAFETY_LINE_IN_LANGUAGE = "; in {language}, {ways}"
SAFETY_OPTION_PRESS = "press {key}"
SAFETY_OPTION_KEYWORD = "text {keyword}"
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
SAFETY_DIRECTORY = (
    "If you are struggling, a crisis line can listen: {site} lists free ones in most countries."
)
SAFETY_CONTACT = "Your crisis contact: {contact}"
SAFETY_PLAN_PEOPLE = "People from your safety plan: {people}"
SAFETY_PLAN_PROFESSIONALS = "Professionals from your safety plan: {people}"
SAFETY_MAKE_PLAN = "When things are calmer, a safety plan can help next time: hw start safety-plan"
SAFETY_THERAPIST = "Then let your therapist know, at your next session or sooner."
SAFETY_URGENT = "Please tell someone today: a crisis line, your crisis contact or your therapist."
ALERT_STILL_STANDS = "The help above still stands: hw sos shows it at any time."
ALERT_LAST_LINE = "Where to turn, any time: hw sos, or {name} on {phone}."
ALERT_LAST_LINE_ANY = "Where to turn, any time: hw sos, or {site} for a free crisis line."
SHARE_WHY = "Your therapist will not see this entry in an export."
SHARE_ASK = "Would you like them to? [y/N] "
OFFERED = "From your last plan: {items}. Press Enter to keep them, or type new lines instead."

# hw sos, and the frame of an alert
ALERT_TITLE = "Please read this"
SOS_PLAN_HEADING = "Your safety plan (made {date})"
SOS_PLAN_UNREADABLE = "Your safety plan could not be read just now: {problem}"
SOS_SETTINGS_UNREADABLE = (
    "Your settings could not be read, so your crisis contact is missing here: {problem}"
)
SOS_NEXT = "One small next step: hw start grounding (a few minutes of noticing what is around you)."
CRISIS_ASK = (
    "This exercise can notice when things feel very hard, and then shows who you can reach."
)
CRISIS_ASK_WHO = (
    "Is there a person or a crisis line you would like it to show? A name and number, "
    "or Enter to skip (it will not ask again; hw config set crisis_contact changes it)."
)
CRISIS_SAVED = "Saved. It will be shown with any alert."

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
# the comment at the top of a new template file
TEMPLATE_FILE_HEADER = """\
# hw template "{id}"{origin}
# Edit it, then check it with: hw templates validate {path}
#
# Top: id (lowercase letters, digits and '-'; keep it the same as the file name),
# title, version, modality, goals (self-awareness, skills, behavior-change,
# cognitive-restructuring, emotion-regulation, self-efficacy, relational-healing),
# summary, why (what the exercise is for), cadence (once | daily | weekly), minutes;
# optional: layout = "columns", source, notice, alert, private = true (its entries are
# private unless started with --shared).
#
# Each [[steps]] table is one step, asked in order: id, type, prompt, and optional
# help, required = true, reflection = true (mark the closing reflection). Types:
#   text (one line)  long (free writing)  list (one item a line)  yesno  number (min, max)
#   scale (min, max, labels = {{ 0 = "none", 10 = "a lot" }})
#   choice, multi (options = ["...", "..."], other = true allows free text)
#   timer (minutes)  info (shows its prompt; pause = true waits for Enter)
# alert_at = N on a scale or number step shows the `alert` text for an answer of N or more;
# alert_at = true on a yesno step shows it for a yes.
# Scoring: [scoring] with steps = [scale step ids to add up] and
#   bands = [{{ max = 4, label = "minimal" }}, ...] in rising order; for hw trends,
#   optional reliable_change, caseness, remission_below, response_drop (0.5 = half),
#   higher_is_better = true, and sources = {{ caseness = "where it comes from" }}.

"""

# hw week and hw export
WEEK_EMPTY = "Nothing recorded this week yet. Start one with: hw start values-compass"
WEEK_EMPTY_PAST = "Nothing was recorded in this week."
# the week's screen (render/week.py) and the trends screen's labels (render/trends.py)
WEEK_TITLE = "Week {number} of {year}"
SKIP_FOR_THIS_WEEK = " for this week"
SKIP_FOR_WEEK_OF = " for the week of {start}"
SKIP_FOR_DAY = " for {day}"
DAY_TO_COME = "still to come"
DAY_NO_ENTRIES = "no entries"
DAY_MOOD = "mood {words}"
DAY_TODAY_MARK = " (today)"
ROW_ENTRIES = "entries"
ROW_MOOD = "mood"
WEEK_MOOD_LABEL = "Mood through the week: "
WEEK_MOOD_AVERAGE = "average {average} of 5 ({word})"
FIGURE_SKIPPED = "{skipped} skipped"
SECTION_HOMEWORK = "Homework"
SECTION_BARRIERS = "What got in the way"
SECTION_SCORES = "Screening scores"
SECTION_ENTRIES = "Entries"
SECTION_MOOD = "Mood"
SECTION_MEASURES = "Measures"
SECTION_OVER_TIME = "Over time"
SCORES_EARLIER = "earlier: {scores}"
SCORES_THEN = ", then "
# an entry read back (render/entries.py) and a template shown (render/templates.py)
ENTRY_WORDS = "{title}, entry {id}"
ENTRY_ROW = "entry {}"
LOG_HEADERS = "id|date|exercise|mood"  # hw log's column headings, split on |
ENTRY_ROW_MOOD = "mood {}"
ENTRY_ROW_FIRST = "first answer: {}"
ENTRY_DRAFT = "draft — go on with: hw resume {id}"
ENTRY_TAGS = "tags: "
ENTRY_SCORE = "Screening score {total}"
ENTRY_SCORE_NOTE = " — something to talk over with your therapist, not a diagnosis."
ENTRY_PENDING = "Half-written when you stopped:"
TEMPLATE_YOURS_OVER = "  (yours, over the built-in)"
TEMPLATE_YOURS = "  (yours)"
TEMPLATE_ROW_MINUTES = "about {} minutes"
TEMPLATE_ABOUT_MINUTES = "about {minutes} min"
TEMPLATES_HEADERS = "id|exercise|modality|min"  # hw templates list's columns, split on |
TEMPLATE_WHY = "Why it helps"
TEMPLATE_STEPS = "Steps"
TEMPLATE_SCORING = "Scoring"
TEMPLATE_SOURCE = "Source"
TEMPLATE_START = "Start it with: hw start {id}"
TEMPLATE_OPTIONAL = ", optional"
TEMPLATE_BAND_UP_TO = "{label} up to {max}"
NOTHING_DUE = "nothing due this week"
NOT_RECORDED = "not recorded"
SCREENING_NOTE = "A screening score to talk over with your therapist, never a diagnosis."
ATTENTION_MARK = "(one to talk over with your therapist)"
EXPORT_WITHHELD_HINT = "Add --include-private to include them."
EXPORT_WROTE = "Wrote {path} (readable by you only)."
EXPORT_EXISTS = "{path} already exists, so it was left as it is."
EXPORT_EXISTS_HINT = "Choose another file name, or add --force to replace it."
EXPORT_RANGE_BOTH = "Give either --week or --since/--until, not both."
EXPORT_UNTIL_ALONE = "--until needs --since too."
EXPORT_RANGE_ORDER = "--since {since} comes after --until {until}."
EXPORT_FORMAT = "'{name}' is not an export format hw knows."
EXPORT_FORMAT_HINT = "Use one of: {names}."
NOT_A_REGULAR_FILE = "it is a device, a pipe or a socket, not a regular file"
EXPORT_NOT_A_FILE_HINT = "Give the name of a file to write (without -o, hw export prints)."
EXPORT_NO_FOLDER = "The folder for {path} does not exist."
EXPORT_CANNOT_WRITE = "Cannot write {path}: {problem}."

# hw config
CONFIG_UNKNOWN_KEYS = "{path} holds settings hw does not know, left as they are: {names}."
CONFIG_KEYS_ARE = "The settings hw knows are: {keys}."
CONFIG_FROM = "Settings from {path}; dim values are the defaults."
CONFIG_DEFAULTS = "No settings file yet ({path}), so these are the defaults."
CONFIG_SET = "{key} is now {value}."
CONFIG_BAD_COUNTRY = "'{value}' is not a country in hw's table of where to turn."
CONFIG_COUNTRIES_ARE = "Use one of: {codes} (or an empty value to go by your locale)."
CONFIG_BAD_LANGUAGE = "hw does not speak '{value}' yet."
CONFIG_LANGUAGES_ARE = "Use one of: {codes} (or an empty value to go by your locale)."
CONFIG_COUNTRY_FROM = "Country for where to turn: {country} ({name}), from {source}."
CONFIG_COUNTRY_NONE = (
    "Country for where to turn: none (set one with hw config set country CODE); "
    "alerts name the common emergency numbers."
)
CONFIG_LANGUAGE_FROM = "Language: {language} ({name}), from {source}."
CONFIG_LANGUAGE_DEFAULT = (
    "Language: en (English), as neither your settings nor your locale name another."
)
# a score's band as screens and exports say it (measures.band_said); stored, and in JSON,
# as the template's [scoring] names it
BAND_WORDS = {
    "minimal": "minimal",
    "mild": "mild",
    "moderate": "moderate",
    "moderately severe": "moderately severe",
    "severe": "severe",
    "zone I": "zone I",
    "zone II": "zone II",
    "zone III": "zone III",
    "zone IV": "zone IV",
    "very low wellbeing": "very low wellbeing",
    "low wellbeing": "low wellbeing",
    "higher wellbeing": "higher wellbeing",
    "low": "low",
    "medium": "medium",
    "high": "high",
    "below the cut-off": "below the cut-off",
    "at or above the cut-off": "at or above the cut-off",
}
# a template's modality and goals as hw templates list/show say them (the keys are the
# template file's own words; proper names such as CBT or IFS are said as they are)
TEMPLATE_TAG_WORDS = {
    "measure": "measure",
    "somatic": "somatic",
    "self-compassion": "self-compassion",
    "safety": "safety",
    "positive psychology": "positive psychology",
    "inner-child": "inner-child",
    "check-in": "check-in",
    "Jungian": "Jungian",
    "self-awareness": "self-awareness",
    "emotion-regulation": "emotion-regulation",
    "cognitive-restructuring": "cognitive-restructuring",
    "behavior-change": "behavior-change",
    "self-efficacy": "self-efficacy",
    "skills": "skills",
    "relational-healing": "relational-healing",
}
# What got in the way of homework (plans/skips.py: BARRIERS), by its key, as people say it
BARRIER_WORDS = {
    "time": "no time",
    "forgot": "it slipped my mind",
    "overwhelmed": "it felt like too much",
    "unclear": "I wasn't sure how",
    "avoidance": "part of me didn't want to",
    "other": "something else",
}
# what each setting may be (config.KEYS), as hw config show and its errors say it
CONFIG_ALLOWED = {
    "name": "any text (how you want to be named in exports)",
    "week_start": "monday or sunday",
    "template_dirs": "a list of folders, e.g. ['~/hw-templates']",
    "backup_keep": "a whole number, 0 or more",
    "mood_checkin": "true or false",
    "editor": "true or false",
    "crisis_contact": "a phone number or a name",
    "keyring": "true or false (keep an encrypted journal's key in the system keyring)",
    "country": "a country code from hw's crisis table, e.g. GB (empty: from the locale)",
    "care_start": "the day this course of therapy began, YYYY-MM-DD (empty for none)",
    "language": "a language hw speaks, en or es (empty: from the locale)",
}
CONFIG_ALLOWED_SHOWN = {"template_dirs": "folders, separated by commas"}
CONFIG_NOT_SET = "(not set)"
# the exports' own words (export/data.py, markdown.py, html.py, charts.py)
EXPORT_TITLE_WEEK = "Therapy homework, week {number} of {year}"
EXPORT_TITLE_SPAN = "Therapy homework, {start} to {end}"
EXPORT_FROM = "From"
EXPORT_DATES = "Dates"
EXPORT_MADE = "Made"
EXPORT_MADE_WITH = "{made} with hw {version}"
EXPORT_ONLY = "Only"
EXPORT_SCALE_ON = "{value} on {low}–{high}"
EXPORT_EARLIER_ON = "{total} on {date}"
EXPORT_NONE_RECORDED = "none recorded"
EXPORT_FILLED_LATER = "filled in later, on {date}"
EXPORT_MOOD = "mood {mood}/5"
EXPORT_FILLED_IN = "filled in {date}"
CADENCE_WORDS = {"daily": "daily", "weekly": "weekly", "once": "once"}
MD_FOR_ATTENTION = "## For attention"
MD_ALERT = "“{prompt}” answered {answer}"
MD_ALERT_LEVEL = ", at or above the level this step marks for attention."
MD_SCORES = "## Screening scores"
MD_SCORES_HEADERS = "Date|Measure|Score|Band|Against the last one|Earlier|Status"
MD_HOMEWORK = "## Homework"
MD_HOMEWORK_HEADERS = "Exercise|Cadence|Due|Done|Skipped|Not recorded"
MD_STILL_OPEN = "Still open"
MD_DONE_SHARE = "Done (%)"
MD_BARRIERS = "## What got in the way"
MD_IN_THEIR_WORDS = " In their words: "
MD_DAYS = "## The days at a glance"
MD_DAYS_HEADERS = "Day|Entries|Mood (1–5)"
MD_AVERAGE_MOOD = "Average mood: {average} of 5."
MD_SCORE = "Screening score: {total}{band}."
MD_MARKED = " (marked for attention)"
MD_ENTRIES = "## Entries, day by day"
MD_DATE = "Date"
# the HTML report's own words (export/report.html.jinja, as `words`)
HTML_FOR_ATTENTION = "For attention"
HTML_ANSWERED = " answered "
HTML_MARKED = "(marked for attention)"
HTML_AGAINST_LAST = "Against the last one"
HTML_BAND = "Band"
HTML_CADENCE = "Cadence"
HTML_DAY = "Day"
HTML_DONE = "Done"
HTML_DUE = "Due"
HTML_EARLIER = "Earlier"
HTML_ENTRIES_BY_DAY = "Entries, day by day"
HTML_EXERCISE = "Exercise"
HTML_MEASURE = "Measure"
HTML_MOOD_SCALE = "Mood (1–5)"
HTML_NO_MOOD = "No mood recorded"
HTML_NOT_RECORDED = "Not recorded"
HTML_OCCASIONS = "Occasions"
HTML_SCORE = "Score"
HTML_SKIPPED = "Skipped"
HTML_DAYS = "The days at a glance"
HTML_KEY_DONE = "done"
HTML_SCORE_LABEL = "Screening score: "
# a step as hw templates show describes it (steps/): its range and a timer's length
STEP_RANGE = "{low} to {high}"
TRENDS_HOW = "{change} {way}"
STEP_TIMER = "{word} of {minutes} min"
CASELOAD_CLIENT = "Client"
CASELOAD_HOMEWORK_HEADING = "Homework\nlast week"
CASELOAD_MEASURES = "Measures"
CASELOAD_ALERTS = "Alerts"
CASELOAD_ROW_HOMEWORK = "last week's homework {}"
HTML_PAGE_NOTE = "Therapy homework · {span}"
HTML_AVERAGE_MOOD = "Average mood: {average} of 5."
CHART_MOOD = "Mood through the days, 1 (very low) to 5 (very good): "
CHART_MOOD_AVERAGE = " Average {average}."
CHART_NO_MOOD = "Mood through the days: no mood was recorded."
CHART_THIS_WEEK = "this week"
CHART_THESE_DAYS = "these days"
CHART_IN_THESE_DAYS = "in these days"
CHART_SCORES = "{title}, scores from {since} to {until}: "
CHART_SCORE_ON = "{score}{band} on {date}{mark}"
CHART_BANDS = " Bands: "
CHART_NOT_RECORDED = "{count} not recorded"
CHART_STILL_OPEN = "{count} still open"
HTML_KEY_SKIPPED = "skipped"
HTML_KEY_TITLE = "Key to the bars: done, skipped, not recorded."
HTML_KEY_TITLE_OPEN = "Key to the bars: done, skipped, not recorded, still open."
# hw check's screen (commands/check.py) and hw backup's counts
CHECK_OK_WORD = "ok:"
CHECK_PROBLEM_WORD = "problem:"
CHECK_JOURNAL = "Journal"
CHECK_SCHEMA = "Schema"
CHECK_CURRENT = "current"
CHECK_SCHEMA_OLDER = "older"
CHECK_HOLDS = "Holds"
CHECK_WHOLE = "the file is whole (integrity check)"
CHECK_LINKED = "every skip and entry points at what it should"
CHECK_COMPLETE = "every entry reads back complete"
CHECK_INDEX_OK = "the search index is in step"
CHECK_PRIVATE = "readable by you only"
CONFIG_NONE = "(none)"
CONFIG_ROW_ALLOWED = "allowed: {}"
CONFIG_COUNTRY_SOURCES = {"setting": "your settings", "locale": "your locale ({value})"}
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
IMPORT_DATE_OUTSIDE = "'{key}' is {date}, outside the dates hw keeps ({first} to {last})"
IMPORT_TOO_LARGE = "this is larger than any export could be (hw holds {limit} of one at most)"
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
CHECK_NO_JOURNAL = "There is no journal at {path} yet; nothing to check."
CHECK_OK = "Your journal is healthy."
CHECK_NOT_A_JOURNAL_FIX = "Point --journal or HW_JOURNAL at your journal file."
CHECK_OLDER = "Schema {version}: hw brings it up to {latest} the next time it writes."
CHECK_RESTORE = (
    "Keep a copy of the file as it is (cp '{path}' '{path}.damaged'), then restore your "
    "newest backup, or recover what can be read with: sqlite3 '{path}' .recover"
)
CHECK_DAMAGED = "SQLite finds the journal file damaged: {first}"
CHECK_INCOMPLETE_FIX = "Read them with hw show ID; nothing is lost by keeping them."
CHECK_INDEX = "The search index is out of step with the entries ({state})."
CHECK_INDEX_FIX = "Search may miss entries; your entries themselves are unaffected. "
CHECK_NOT_A_DATABASE = "{path} is not a journal file, or its start is damaged ({problem})."
CHECK_MALFORMED = "The journal file is damaged ({problem})."
CHECK_UNREADABLE = "The journal could not be read: {problem}."
CHECK_SHARED_FILE = "{path} can be read by other people on this computer (mode {mode})."
CHECK_SHARED_FILE_FIX = "Make it yours only: chmod 600 '{path}'"
CHECK_SHARED_FOLDER = "The folder {path} can be opened by other people (mode {mode})."
CHECK_SHARED_FOLDER_FIX = "Make it yours only: chmod 700 '{path}'"

# opening the journal (hw check reports the same findings in its own words)
NOT_A_JOURNAL = "{path} is not an hw journal."
JOURNAL_UNTOUCHED = "It was left untouched."
NOT_A_JOURNAL_HINT = "Point --journal or HW_JOURNAL at a journal file, or at a new path."
JOURNAL_NEWER = (
    "This journal was written by a newer hw (schema {version}; this hw knows up to {latest})."
)
JOURNAL_UPGRADE = "Upgrade hw to {verb} it: pip install --upgrade hwjournal"
JOURNAL_IS_FOLDER = "{path} is a folder, not a journal file."
JOURNAL_IS_FOLDER_HINT = "Point --journal or HW_JOURNAL at a file."
JOURNAL_NOT_A_FILE = (
    "{path} is not a journal file: it is a device, a pipe or a socket. It was left untouched."
)
JOURNAL_PATH_NUL = "The journal's path holds a NUL character, so it cannot name a file."
JOURNAL_CANNOT_OPEN = "Cannot open the journal at {path}: {problem}."
JOURNAL_CANNOT_CREATE = "Cannot create the journal at {path}: {problem}."
JOURNAL_CANNOT_CREATE_HINT = "Point --journal or HW_JOURNAL at a folder you can write to."

JOURNAL_NOT_UPGRADED = (
    "{path} was made by an older hw and has not been upgraded yet; any other hw command "
    "upgrades it."
)

# the journal's disk
DISK_FULL = "There is no room left on the disk to write to the journal at {path}."
DISK_FULL_HINT = "Nothing was changed and your journal is safe. Free some space, then try again."
DISK_IO = "The journal at {path} could not be written ({problem}): the disk may be full or failing."
DISK_IO_HINT = "Nothing was changed. Free some space or check the disk, then run: hw check"
JOURNAL_BUSY = "The journal at {path} is busy: another hw has been writing to it for a while."
JOURNAL_BUSY_HINT = "Nothing was changed. Try again in a moment."

# Homework plans: hw assign, hw assignments, hw due, hw skip, and hw alone
ASSIGNED = "Assigned {title}: {rhythm}, {span}. It is assignment {id}."
ASSIGNMENTS_THIS_WEEK = "this week: {figures}"
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
SKIP_WHAT_ASSIGNMENT = "assignment {id}"
# what an occasion already done covers, by the assignment's rhythm (SKIP_ALREADY_DONE)
SKIP_SPANS = {"daily": "that day", "weekly": "that week", "once": "this assignment"}
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

# Steps: how to answer each type, and what is wrong with an answer. An answer's
# problem follows its step id ("thought: should be text.") or an import's record.
HOW_LONG = "Write as much as you like. Ctrl-D on an empty line when you are done."
HOW_LONG_OPTIONAL = (
    "Write as much as you like. Ctrl-D on an empty line when you are done, or Enter now to skip it."
)
HOW_LIST = "One item a line; an empty line when you are done."
HOW_SCALE = "A number from {low} to {high}."
HOW_SCALE_LABELS = "A number from {low} to {high}, or its words."
TIMER_RUNNING = "The timer is running. Enter stops it early."
HOW_CHOICE = "The option's number or its words."
HOW_CHOICE_OTHER = " Or your own words."
HOW_MULTI = "Numbers or words, separated by commas."
HOW_MULTI_OTHER = " Your own words are welcome too."
HOW_YESNO = "y or n."
HOW_NUMBER = "A number."
# A required step left empty: what fits its type (StepType.needed)
NEEDED = "This one matters for the exercise; an answer is needed to go on."
NEEDED_WORDS = "This one matters for the exercise; a few words are enough."
NEEDED_ITEMS = "This one matters for the exercise; one item is enough."
NEEDED_SCALE = "This one matters for the exercise; the nearest number will do."
NEEDED_NUMBER = "This one matters for the exercise; a rough number is fine."
NEEDED_CHOICE = "This one matters for the exercise; pick the option that fits best."
NEEDED_MULTI = "This one matters for the exercise; one option is enough."
NEEDED_YESNO = "This one matters for the exercise; y or n is all it needs."
ANSWER_NONE_TAKEN = "this step shows information and takes no answer."
ANSWER_ONE_LINE = "this step takes one line."
ANSWER_NOT_A_NUMBER = "'{text}' is not a number."
ANSWER_OUTSIDE = "{value} is outside {range}."
ANSWER_WHOLE_IN = "answer with a whole number from {range}."
ANSWER_NO_OPTION = "there is no option {number}; pick 1 to {count}."
ANSWER_NOT_AN_OPTION = "'{value}' is not one of the options ({choices})."
ANSWER_PICK_ONE = "pick at least one option, by number or name."
ANSWER_YES_OR_NO = "answer y or n."
ANSWER_DURATION = "give the time spent in seconds (like 300) or as 5m, 1m30s."
ANSWER_SHOULD_BE_TEXT = "should be text."
ANSWER_SHOULD_BE_TEXTS = "should be a list of texts."
ANSWER_SHOULD_BE_WHOLE = "should be a whole number."
ANSWER_SHOULD_BE_NUMBER = "should be a number."
ANSWER_SHOULD_BE_BOOL = "should be true or false."
ANSWER_SHOULD_BE_SECONDS = "should be whole seconds."

# Template files: what is wrong with a [[steps]] table (after "file, line, key: ")
STEP_KEY_KIND = "should be {kind}"
STEP_NOT_TABLE = "each step should be a [[steps]] table"
STEP_KEY_UNKNOWN = "unknown key '{key}' (allowed: {allowed})"
STEP_KEY_MISSING = "every step needs '{key}'"
STEP_BAD_ID = "step ids use lowercase letters, digits, '-' and '_'"
STEP_TYPE_UNKNOWN = "unknown step type '{type}' (use one of: {types})"
STEP_KEY_NOT_HERE = "'{key}' does not apply to a {type} step"
STEP_INFO_REQUIRED = "an info step has no answer, so it cannot be required"
STEP_MIN_MAX = "'min' should be below 'max'"
STEP_NEEDS_ALERT_AT = "'{key}' needs an 'alert_at' on the same step"
STEP_URGENT_BELOW = "'urgent_at' ({urgent}) should be at or above 'alert_at' ({level})"
STEP_NOTICE_PAIR = "'notice_at' and 'notice' go together: give both or neither"
STEP_OFFER_SHARE = "every 'offer_share' should be one of the step's options"
STEP_SCALE_NEEDS = "a scale step needs '{key}'"
STEP_LABEL_KEY = "label key '{key}' should be a whole number"
STEP_LABEL_TEXT = "labels should be text"
STEP_LABEL_OUTSIDE = "label {number} is outside {low}..{high}"
STEP_OPTIONS_NEEDED = "a {type} step needs a non-empty 'options' list"
STEP_OPTIONS_TEXT = "options should be non-empty text"
STEP_OPTIONS_SAME = "options should differ from each other"
STEP_OPTIONS_COMMA = "options of a multi step cannot hold a comma (commas separate answers)"
STEP_OPTIONS_NUMBER = "an option cannot be a bare number (numbers pick options)"
STEP_TIMER_MINUTES = "a timer step needs 'minutes' above 0"
STEP_YESNO_ALERT = (
    "on a yesno step, alert_at can only be true (an answer of yes shows the alert); "
    "leave it out for no alert"
)
STEP_VALUES_LENGTH = "values should give {count} points, one per {what} ({given} given)"
STEP_VALUES_NUMBERS = "values should be numbers, one per answer"
STEP_VALUES_OTHER = "a choice that scores points (values, alert_at) cannot take other = true"
STEP_URGENT_NEEDS_ALERT = "urgent_at needs alert_at, and should be at or above it"
# ... and with a step an entry keeps (an import), after "entry 3: steps[0]"
SNAPSHOT_NOT_OBJECT = "should be an object"
SNAPSHOT_NEEDS = "needs '{key}' as text"
SNAPSHOT_TYPE_UNKNOWN = "has an unknown type '{type}'"
SNAPSHOT_LABELS = "should map whole numbers to texts"
SNAPSHOT_OPTIONS = "should be a list of texts"

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
SCORING_INTRO = (
    "The answers add up to a screening score: something to talk over with your therapist, "
    "never a diagnosis."
)
SCORING_TOTAL = "Total"
SCORING_OF_STEPS = "{label} (questions {numbers})"
SCORING_TIMES = "the sum × {multiplier}"
SCORING_HIGHER = "higher is better"
SCORING_BANDS = "bands: {bands}"
SCORING_NO_BANDS = "no bands"
SCORING_THRESHOLD = {
    "reliable_change": "reliable change: {value} points",
    "caseness": "caseness: {value}",
    "remission_below": "remission: below {value}",
    "response_drop": "response: a change of {share} of the first score",
}
SCORING_SOURCE = "Source ({what}): {text}"
# a measure's status words (measures.py keeps them in English: they are data, in JSON)
STATUS_WORDS = {
    "reliable improvement": "reliable improvement",
    "reliable deterioration": "reliable deterioration",
    "no reliable change": "no reliable change",
    "recovery": "recovery",
    "reliable recovery": "reliable recovery",
    "response": "response",
    "remission": "remission",
}
# what each threshold is called where its source is named (SCORING_SOURCE's {what})
SCORING_THRESHOLD_NAMES = {
    "reliable_change": "reliable change",
    "caseness": "caseness",
    "remission_below": "remission below",
    "response_drop": "response drop",
}
SCORING_PAIRS = (
    "Judged together with {other} for recovery, as NHS Talking Therapies does (hw trends)."
)
TRENDS_NO_COURSE_SCORE = "No score yet since this course of care began, so no change to show."
TRENDS_BASELINE_CARE = (
    "Change is counted from each measure's first score since this course of care began, on {date}."
)
TRENDS_BASELINE_RANGE = "Change is counted from each measure's first score in these dates."
TRENDS_PAIR = "{first} and {second} together (paired recovery): {words}."
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
TRENDS_BARRIERS = "What got in the way, most often first"
# hw trends in words (--plain)
TRENDS_WORDS_TITLE = "Over time, {span}, {weeks}."
TRENDS_WORDS_SCORES = "Scores, oldest first: {scores}."
TRENDS_WORDS_WEEK = "Week of {day}"
TRENDS_WORDS_NO_ENTRIES = "no entries."
TRENDS_WORDS_NO_MOOD = "no mood given."
TRENDS_WORDS_MOOD = "mood {average} of 5 on average ({word}), {count}."
PROGRESS = "{words} since {total}{band} on {date}"
PROGRESS_WORSE = ": worth bringing to your next session"
WEEK_BASELINE_RANGE = (
    "Status is counted from each measure's first score in the six months up to {date}."
)
WEEK_BASELINE_CARE = (
    "Status is counted from each measure's first score since this course of care began, on {date}."
)

# Encrypted journals: hw encrypt, unlock, lock, passphrase, decrypt, and every opening
ENCRYPTION_MISSING = "Encrypted journals need hw's encryption extra, which is not installed."
ENCRYPTION_INSTALL = "Install it with: pip install 'hwjournal[encryption]'"
LOCKED = "The journal is locked: run hw unlock"
LOCKED_HINT = "Scripts and cron can set HW_PASSPHRASE_COMMAND instead (see the README)."
WRONG_PASSPHRASE = "That passphrase does not open this journal"
WRONG_PASSPHRASE_AGAIN = "That passphrase does not open this journal. Try again."
PASSPHRASE_PROMPT = "Passphrase for your journal: "
NEW_PASSPHRASE_PROMPT = "New passphrase: "
NEW_PASSPHRASE_AGAIN = "The same again, to be sure: "
PASSPHRASES_DIFFER = "The two did not match. Let's try again."
PASSPHRASE_SHORT = "A passphrase needs at least {count} characters; a few words make a good one."
PASSPHRASE_NOT_SET = "No passphrase was set, so nothing was changed."
PASSPHRASE_NEEDS_TERMINAL = "A new passphrase is asked in a terminal, or read from a command."
PASSPHRASE_NEEDS_TERMINAL_HINT = (
    "Run this in a terminal, or set HW_PASSPHRASE_COMMAND to a command that prints it."
)
COMMAND_FAILED = "HW_PASSPHRASE_COMMAND did not give a passphrase: {problem}."
COMMAND_HINT = "It should print the passphrase on its first line, like: pass show hw"
KEY_FILE_MISSING = "The key file of this encrypted journal is missing ({path})."
KEY_FILE_DAMAGED = "The key file {path} is damaged or is not an hw key file."
KEY_FILE_OTHER = "The key file {path} belongs to another journal: its key does not open this one."
KEY_FILE_RECOVER = (
    "Nothing was changed. Put the right key file back, or open the journal with your "
    "recovery key: hw unlock --recovery-key"
)
KEYRING_UNAVAILABLE = "The system keyring could not be used ({problem}); asking instead."
RECOVERY_KEY_PROMPT = "Recovery key: "
RECOVERY_KEY_MALFORMED = "That is not a recovery key as hw writes them: a letter may be mistyped."
RECOVERY_KEY_HINT = "It has 14 groups of 4 letters and digits. Nothing was changed."
RECOVERY_KEY_WRONG = "That recovery key does not open this journal. Nothing was changed."
RECOVERY_KEY_NEEDS_INPUT = "The recovery key is asked in a terminal, or read from stdin."
JOURNAL_IN_USE = "Another hw has the journal at {path} open."
JOURNAL_IN_USE_HINT = "Nothing was changed. Finish or close it, then try again."
CONVERT_CHECK_FAILED = "The converted copy did not read back the same, so it was not used."
ENCRYPT_NO_JOURNAL = "There is no journal at {path} yet: it will be made, encrypted."
ALREADY_ENCRYPTED = "The journal at {path} is already encrypted."
ALREADY_ENCRYPTED_HINT = "Change its passphrase with: hw passphrase"
NOT_ENCRYPTED = "The journal at {path} is not encrypted, so there is nothing to {verb}."
NOT_ENCRYPTED_HINT = "Encrypt it with: hw encrypt"
NO_JOURNAL_YET = "There is no journal at {path} yet."
RECOVERY_KEY_SHOW = (
    "Your recovery key. Write it down and keep it somewhere safe, away from this "
    "computer: it opens the journal if you forget your passphrase, and it will not "
    "be shown again."
)
RECOVERY_KEY_READY = "Press Enter once it is written down."
ENCRYPTED_DONE = (
    "Your journal is encrypted: entries, search index and plans. Open it with your "
    "passphrase, or for a while with: hw unlock"
)
ENCRYPTED_OLD_BACKUPS = (
    "Backups made before now are still plain; delete them if they should not stay readable: {paths}"
)
ENCRYPTED_OLD_BLOCKS = (
    "The plain file was overwritten before removal, but on an SSD or a copy-on-write "
    "disk its old blocks may survive until the disk reuses them."
)
DECRYPT_ASK = "Turn the journal back into a plain file anyone with this account can read? [y/N] "
DECRYPT_NEEDS_YES = "Decrypting needs a yes: the journal will be readable without a passphrase."
DECRYPT_NEEDS_YES_HINT = "Add --yes to decrypt without a terminal: hw decrypt --yes"
DECRYPT_KEPT = "Nothing was changed; the journal stays encrypted."
DECRYPTED_DONE = "Your journal is a plain file again; its key file is removed."
DECRYPTED_BACKUPS = (
    "Backups made while it was encrypted stay encrypted, each with its .key file beside it."
)
UNLOCKED = "Unlocked until {until}. Lock it sooner with: hw lock"
UNLOCK_NO_RUNTIME = "hw unlock has nowhere safe to keep the key: XDG_RUNTIME_DIR is not set."
UNLOCK_NO_RUNTIME_HINT = "Nothing was kept. Scripts and cron can use HW_PASSPHRASE_COMMAND instead."
UNLOCK_NEEDS_PASSPHRASE = (
    "hw unlock asks for the passphrase in a terminal, or reads it from a command."
)
UNLOCK_CANNOT_KEEP = "Cannot keep the key in {path}: {problem}."
UNLOCK_FOR_BAD = "'{text}' is not a length of time hw understands."
UNLOCK_FOR_HINT = "Give a number and a unit, like 30m, 8h or 2d (one week at most)."
LOCKED_NOW = "Locked: the key is forgotten. The next hw asks for the passphrase."
WAS_NOT_UNLOCKED = "The journal was not unlocked; it stays locked."
PASSPHRASE_CHANGED = (
    "Passphrase changed. The old one no longer opens the journal; your recovery key still does."
)
NEW_PASSPHRASE_SET = "A new passphrase is set: the old one no longer opens the journal."
EXPORT_PLAIN_NOTE = "The file is not encrypted: it is for reading, so share it with care."
EDITOR_NOT_HERE = (
    "Long answers are typed here: your journal is encrypted, and this computer has no "
    "memory-backed folder in which an editor's file would leave no trace."
)
BACKUP_KEY_COPIED = "Its key file is beside it: {path}"
CHECK_ENCRYPTED = "encrypted: yes"
CHECK_NO_KEY_FILE = "The journal is encrypted, but its key file {path} is missing."
CHECK_NO_KEY_FILE_FIX = (
    "Only your recovery key opens it now: set a new passphrase with hw unlock --recovery-key"
)

# ---------------------------------------------------------------- template files, checked
# (templates.py, measures.py: each follows the file name and the key it is about)
TEMPLATE_NEEDS_KEY = "a template needs '{key}'"
TEMPLATE_ID_FORM = "ids use lowercase letters, digits and single '-', like 'my-template'"
TEMPLATE_GOAL_UNKNOWN = "unknown goal '{goal}' (use: {goals})"
TEMPLATE_CADENCE = "cadence should be one of: {cadences}"
TEMPLATE_LAYOUT = "layout can only be 'columns'"
TEMPLATE_MINUTES = "minutes should be above 0"
TEMPLATE_VERSION = "version should be 1 or more"
TEMPLATE_NO_STEPS = "a template needs at least one step"
TEMPLATE_STEP_TWICE = "step id '{id}' is used twice"
TEMPLATE_NO_ANSWER = "a template needs at least one step that takes an answer"
SCORING_NOT_SCALE = "'{id}' is not a scale step of this template"
SCORING_NO_STEPS = "scoring needs the steps it sums"
SCORING_BAND_FORM = 'each band is {max = N, label = "..."} (min = N too)'
SCORING_BANDS_ORDER = "bands should go up, each above the one before"
SCORING_BAND_MIN = "band '{label}' has its min above its max"
SCORING_BANDS_GAP = (
    "no band holds a score of {missing}: bands should cover every possible score ({extent})"
)
SCORING_PAIRS_WITH = "pairs_with names a template id, like 'phq-9'"
SCORING_STEP_TWICE = "a step is named twice"
SCORING_ABOVE_ZERO = "should be a number above 0"
SCORING_TOTAL_NEEDS_STEPS = "bands and thresholds of a total need the total's 'steps'"
SCORING_SCALE_TABLE = "each scale is a [[scoring.scales]] table"
SCORING_SCALE_ID = "scale ids use lowercase letters, digits, '-' and '_'"
SCORING_SCALE_TWICE = "scale id '{id}' is used twice"
SCORING_SCALE_NEEDS = "a scale needs '{key}'"
SCORING_NOT_A_STEP = "'{id}' is not a step of this template"
SCORING_NOT_SCORED = "'{id}' is a {type} step: only scale and choice steps score"
SCORING_NUMBER = "should be a number"
SCORING_POINTS = "should be above 0 (a number of points)"
SCORING_FRACTION = "should be a fraction of the baseline, above 0 and at most 1 (0.5 for half)"
SCORING_SOURCE_UNKNOWN = (
    "sources names '{key}', which this table does not state (use: {thresholds})"
)
SCORING_SOURCE_TEXT = "each source should be text"
TEMPLATE_UNREADABLE = "cannot be read ({problem})"
TEMPLATE_NOT_UTF8 = "is not UTF-8 text"
TEMPLATE_NOT_TOML = "is not valid TOML: {problem}"
TEMPLATE_FIX_FILE = "Fix the file, then try again."

# ---------------------------------------------------------------- an import's records, checked
# (importing/: each follows "record N of FILE:")
RECORD_NOT_TEXT = "'{key}' should be text"
RECORD_MISSING = "'{key}' is missing"
RECORD_EMPTY = "'{key}' should not be empty"
RECORD_UID_LONG = "'uid' is longer than {count} characters"
RECORD_TEXT_OR_NULL = "'{key}' should be text or null"
RECORD_TIMESTAMP = "'{key}' should be a date and time like 2026-11-25T20:15:03+01:00"
RECORD_TIMESTAMP_BAD = "'{key}' is {value}, not a date and time like 2026-11-25T20:15:03+01:00"
RECORD_BOOLEAN = "'{key}' should be true or false"
RECORD_WHOLE = "'{key}' should be a whole number"
RECORD_WHOLE_FROM = "'{key}' should be a whole number of {low} or more"
RECORD_TEXTS = "'{key}' should be a list of texts"
RECORD_SCHEDULE = "'schedule' is {value}; use one of: {schedules}"
RECORD_DAYS = "'days' holds {value}; days are {days}"
RECORD_NO_ASSIGNMENT = "it does not say which assignment it belongs to ('assignment_uid')"
RECORD_BARRIER = "'barrier' is {value}; use one of: {barriers}"
RECORD_NOT_COMPLETE = "'status' is {value}; only complete entries are imported"
RECORD_MOOD = "'mood' should be a whole number from 1 to 5, or null"
RECORD_TAG = "the tag {tag} is not a single word"
RECORD_STEPS = "'steps' (the prompts the entry was made with) should be a list"
RECORD_STEP_TWICE = "{where} repeats the step id {id}"
RECORD_ANSWERS = "'answers' should be an object of step id to answer"
RECORD_ANSWER_NO_STEP = "the answer {id} has no step in 'steps'"
RECORD_ANSWER_WRONG = "the answer to {id}: {problem}"
RECORD_SCORE = (
    """'score' should be {"total": number, "band": text or null}, with or instead of """
    """"scales": {id: {"score": number, "band": text or null}}"""
)
RECORD_ALERT_NO_STEP = "'alerts' names {id}, which is not one of its steps"
RECORD_TIME = "'time' is {value}, not a time like 19:00"
RECORD_STATUS_READ = "'status' is {value}; only complete entries are read"
RECORD_ENTRIES_LIST = "'entries' should be a list"
RECORD_NOT_OBJECT = "should be a JSON object"

# ----------------------------------------------------- hints and problems, said in several places
CREATE_FOLDER_FIRST = "Create it first."
IT_IS_A_FOLDER = "it is a folder"
GIVE_A_FILE_NAME = "Give a file name inside it."
POINT_AT_A_JOURNAL = "Point --journal or HW_JOURNAL at a journal file."
EXPORT_RANGE_BOTH_HINT = "For example: hw export --week last"
EXPORT_UNTIL_ALONE_HINT = "For example: --since 2026-11-01"
EXPORT_RANGE_ORDER_HINT = "Swap the two dates."
ANSWERS_JSON_HINT = 'Give an object like {"thought": "...", "intensity": 7}.'
NO_DRAFTS_HINT = "Start a new one with: hw start TEMPLATE"
NOT_A_DRAFT_HINT = "Read it with: hw show {id}"
COMMAND_EXITED = "it exited with {code}"
COMMAND_PRINTED_NOTHING = "it printed nothing"
KEYRING_NOT_INSTALLED = "the keyring package is not installed"

# ---------------------------------------------------------------- at the terminal, step by step
# (terminal.py: each is drawn in its own style)
PICKING_UP = "Picking up where you left off."
STEP_NUMBER = "{number} of {total}"
STEP_OPTIONAL = " · optional"
TRY_AGAIN = "Try again:"
YOU_HAD_STARTED = "You had started:"
EDITOR_OPENING = "Opening your editor; save and close it to go on."
EDITOR_FAILED_WRITE_HERE = "Could not start the editor '{command}'; write here instead."
EARLIER_KEPT = "What you wrote before is kept:"
PRESS_ENTER_READY = "Press Enter when you are ready."
TIMER_SKIPPED = "Timer skipped."
TIMER_LEFT = "{minutes}:{seconds:02d} left"
TIMER_STOP_EARLY = "Enter stops it early."
TIMER_STOPPED = "Stopped after {minutes}:{seconds:02d}."
TIMER_DONE = "Time is up."
TIMER_DONE_BREATHE = "Take a breath before the next step."
MOOD_ASK = "How are you feeling right now?"
MOOD_SCALE = "{moods}. Enter to skip."

# For the therapist: hw export --from FILE and hw caseload (a client's hw exports, read
# without importing them)
HELP_EXPORT_FROM = (
    "Render from a client's hw export (a JSON file they sent) instead of your journal."
)
HELP_CASELOAD = """Your clients at a glance, from the hw exports they sent you.

One row a client: the days their file covers, their last entry, last week's homework,
each measure's latest score and its change since their first, and any alerts, never
their words. Clients with an alert come first, then any whose scores reliably worsened.
Nothing is imported or written anywhere. A client makes the file with:
hw export --format json --since 2026-01-01 -o me.json"""
HELP_CASELOAD_PATHS = "Clients' hw export files, or folders of them (every *.json inside)."
CLIENT_FILE_KIND = "client's hw export"
CLIENT_FILE_BAD_HINT = (
    "hw reads it as it is and changes nothing. Ask for it again, made with: "
    "hw export --format json -o FILE"
)
CASELOAD_PASSED_OVER = "Passed over {path}: {problem}."
CASELOAD_EMPTY_FOLDER = "it holds no .json file"
CASELOAD_TOO_DEEP = "its JSON is nested too deeply to read"
CASELOAD_UNEXPECTED = "hw ran into a problem it did not expect ({problem})"
CASELOAD_NONE = "No client's file could be read, so there is no caseload to show."
CASELOAD_NONE_HINT = (
    "Give the .json files your clients made with hw export --format json, or the folder "
    "that holds them."
)
CASELOAD_TITLE = "Caseload"
CASELOAD_COUNTS = "{clients}{alerts}{worse}"
CASELOAD_WITH_ALERT = "{count} with an alert"
CASELOAD_WORSE = "{count} with a reliable deterioration"
CASELOAD_NO_HOMEWORK = "none set"
CASELOAD_HOMEWORK = "{done} of {due}"
CASELOAD_NO_ENTRIES = "no entries"
CASELOAD_LAST_ENTRY = "last entry {date}"
CASELOAD_NO_SCORES = "no scores"
CASELOAD_NO_ALERTS = "none"
CASELOAD_NO_ALERTS_WORDS = "no alerts"
CASELOAD_ALERT_LINE = "{what}{times}, {date}"
# the same in words: "urge suicide on 18 Feb", "self harm 2 times, the last on 19 Oct"
CASELOAD_ALERT_WORDS = "{what} on {date}"
CASELOAD_SCORE = "{title} {total}{band}"
CASELOAD_FOOTNOTE = (
    "Alerts and scores come from the files as the clients sent them: hw tells no one and "
    "watches nothing. Scores are screening measures to talk over, never a diagnosis."
)
EXPORT_FROM_PART = "{path} covers {first} to {last}, so this shows {start} to {end} only."
EXPORT_FROM_OUTSIDE = "{path} covers {first} to {last}: nothing of {start} to {end} is in it."
EXPORT_FROM_OUTSIDE_HINT = "Ask for days inside it, or leave out the range to see its last week."
EXPORT_FROM_EMPTY = "{path} holds no entries and says no dates, so there is nothing to show."
EXPORT_FROM_EMPTY_HINT = "Ask your client for the export again, with the weeks you want in it."

# ---------------------------------------------------------------- files read in (import, --from)
IMPORT_NOT_UTF8 = "this is not UTF-8 text (save or export it as UTF-8)"
IMPORT_NOT_JSON = "this is not valid JSON ({problem})"
IMPORT_TOO_DEEP = "the JSON is nested too deeply to read"
IMPORT_NOT_A_DATE = "'{key}' is {shown}, not a date like 2026-11-25"
IMPORT_SKIP_NO_ASSIGNMENT = "its assignment is neither in the file nor in your journal"
CLIENT_NAME_TEXT = "'name' should be text or null"
CLIENT_WEEK_START = "'week_start' is {value}; use monday or sunday"
CLIENT_RANGE_FORM = """'range' should be {"start": date, "end": date}"""
CLIENT_RANGE_BACKWARDS = "'range' ends before it starts"
DAYLIO_EMPTY = "the file is empty"
DAYLIO_NOT_CSV = "cannot be read as CSV ({problem})"
DAYLIO_NO_COLUMN = "this is not a Daylio CSV export: the header has no {columns} column"
DAYLIO_FIELDS = "it has {fields} fields where the header has {header}"
DAYLIO_TIME = "the time {value} is not a time like 23:10 or 10:05 pm"
HWJSON_VERSION = "'version' should be a whole number, like 1"
HWJSON_LIST = "'{key}' should be a list"
JRNL_NOT_EXPORT = 'this is not a jrnl JSON export (no "entries" list)'

# ---------------------------------------------------------------- template overlays (overlays.py)
OVERLAY_KEY_UNKNOWN = "an overlay has no key '{key}' (it takes only: {allowed})"
OVERLAY_ID = 'this overlay should say id = "{id}", the template it translates'
OVERLAY_NEEDS_ID = "an overlay needs 'id', the id of the template it translates"
OVERLAY_NO_TEMPLATE = "there is no template '{id}' for this overlay to translate"
OVERLAY_TEXT = "should be text, and not empty"
OVERLAY_TEXT_MISSING = "the template has '{key}' here: the overlay needs it translated"
OVERLAY_NOT_IN_TEMPLATE = "the template has no '{key}' here, so the overlay cannot either"
OVERLAY_STEPS = "'steps' should be a list of [[steps]] tables"
OVERLAY_STEP_MISSING = "the template's step '{id}' is not translated: add a [[steps]] for it"
OVERLAY_NO_SUCH_STEP = "the template has no step '{id}'"
OVERLAY_TYPE = "the template's step is of type '{type}': say the same here"
OVERLAY_OPTIONS = "the template's step has {count} options: give as many, in the same order"
OVERLAY_LABELS = "the template's labels are for {numbers}: label those numbers, no others"
OVERLAY_SKIPPED = "Showed the template in English: its translation does not fit it ({problem})"
OVERLAY_VALID = "{mark} {path}: the {language} text of {id} is complete."
# A published instrument kept in its original language in a translated run, said once.
INSTRUMENT_ORIGINAL = "This questionnaire is shown in English, its original language, as published."

# ------------------------------------------------------------ numbers and counts (numerals.py)
# How the language writes a number: its decimal mark, its group separator, and the fewest
# digits before a first group is split off (CLDR's minimumGroupingDigits: 1 writes 1,000;
# 2 keeps 1000 whole and writes 10,000), as key=value pairs split on ';', no space by '='.
NUMBER_FORMAT = "decimal=.; group=,; minimum_grouping=1"
PERCENT = "{number}%"
# Sentences with a count in them: Plural(one, many) is a gettext msgid and msgid_plural,
# and a catalog gives each as many forms as its Plural-Forms header says; {count} is the
# count, written as the language writes numbers.
ENTRIES = Plural("{count} entry", "{count} entries")
WEEKS = Plural("{count} week", "{count} weeks")
DRAFTS = Plural("{count} draft", "{count} drafts")
ASSIGNMENTS = Plural("{count} assignment", "{count} assignments")
SKIPS = Plural("{count} skip", "{count} skips")
DAYS_AGO = Plural("{count} day ago", "{count} days ago")
STREAK = Plural("{count} day in a row with an entry.", "{count} days in a row with an entry.")
EXPORT_WITHHELD = Plural("{count} private entry withheld.", "{count} private entries withheld.")
EXPORT_FROM_WITHHELD = Plural(
    "The client left {count} private entry out of the file, somewhere in {first} to {last}; "
    "it does not say on which day.",
    "The client left {count} private entries out of the file, somewhere in {first} to "
    "{last}; it does not say on which days.",
)
BACKUP_PRUNED = Plural(
    "Removed {count} older automatic copy (backup_keep is {keep}).",
    "Removed {count} older automatic copies (backup_keep is {keep}).",
)
CHECK_PROBLEMS = Plural("{count} problem found.", "{count} problems found.")
CHECK_DANGLING = Plural(
    "{count} record points at something that is not there ({table} {rowid}).",
    "{count} records point at something that is not there (first: {table} {rowid}).",
)
CHECK_BROKEN = Plural(
    "{count} entry cannot be read (id: {ids}).", "{count} entries cannot be read (ids: {ids})."
)
CHECK_INCOMPLETE = Plural(
    "{count} complete entry lacks a required answer (id: {ids}).",
    "{count} complete entries lack a required answer (ids: {ids}).",
)
CHECK_INDEX_COUNTS = Plural(
    "{indexed} indexed for {count} entry", "{indexed} indexed for {count} entries"
)
TRENDS_DOTS_AVERAGED = Plural(
    "Where scores share a column, the dot is their average (a column is about {count} day).",
    "Where scores share a column, the dot is their average (a column is about {count} days).",
)
ALERTS = Plural("{count} alert", "{count} alerts")
CLIENTS = Plural("{count} client", "{count} clients")
TIMES = Plural("{count} time", "{count} times")
# more than once (once: CASELOAD_ALERT_WORDS); a language whose 'one' form also serves
# 21 or 31 has the singular here
CASELOAD_ALERT_WORDS_MANY = Plural(
    "{what} {count} time (the last on {date})", "{what} {count} times (the last on {date})"
)
ABOUT_MINUTES = Plural(
    "About {count} minute. Press Enter to skip a step marked optional; Ctrl-C keeps a draft.",
    "About {count} minutes. Press Enter to skip a step marked optional; Ctrl-C keeps a draft.",
)
TIMER_OFFER = Plural(
    "Enter starts a {count}-minute timer; s then Enter skips it.",
    "Enter starts a {count}-minute timer; s then Enter skips it.",
)
# how many of the occasions were done: the count is the done ones (1 of 7 done)
FIGURE_DONE = Plural("{count} of {due} done", "{count} of {due} done")
CASELOAD_HOMEWORK_WORDS = Plural("{count} of {due} done", "{count} of {due} done")
TRENDS_HOMEWORK_TOTAL = Plural(
    "Over {weeks}: {count} of {due} done ({percent})",
    "Over {weeks}: {count} of {due} done ({percent})",
)
IMPORT_PROGRESS = "Importing"
