"""The SLA project: format 2 of the `.slaproj` file as pydantic models
(``docs/project-format.md`` describes it; format-1 files are converted on
load by :mod:`wizard.core.format_migration`).

Every model keeps keys it does not know (``extra="allow"``) so that a file
written by a newer minor edition loses nothing when saved here. Decimal values
are :class:`~decimal.Decimal`, read from and written to JSON strings, so that
what the user typed is what the contract says.

Every number is bounded where it is read, so that what loads can be
checked, computed and written into a contract: a decimal has at most
:data:`DECIMAL_DIGITS` digits before its decimal point and
:data:`DECIMAL_PLACES` after it; each whole number has a sensible range (the
wizard's own fields offer the same ranges). A 29-digit fee or a 4,000-digit
count is refused with the field named, never carried into a calculation that
fails.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    SerializerFunctionWrapHandler,
    WithJsonSchema,
    model_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

FORMAT_MARKER = "sla-project"
FORMAT_VERSION = 2

_DECIMAL_RE = re.compile(r"-?([0-9]+)(?:\.([0-9]+))?")
_CLOCK_RE = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00")


DECIMAL_DIGITS = 12
"""The most digits a decimal has before its decimal point: every fee, target
and threshold is below a trillion (10**12), far above any SLA's, and every
sum and share of them stays exact in Python's 28-digit decimal arithmetic."""
DECIMAL_PLACES = 8
"""The most digits a decimal has after its decimal point: "99.9999" (six
nines) needs four, a rate in parts per billion of a percent eight."""

MAX_ESCALATION_LEVEL = 20
MAX_TARGET_MINUTES = 1_000_000
"""A response or resolution target: almost two years."""
MAX_WINDOW_MINUTES = 7 * 24 * 60
"""A maintenance window: at most a week."""
MAX_NOTICE_HOURS = 365 * 24
"""Notice before maintenance: at most a year."""
MAX_MONTH_MINUTES = 31 * 24 * 60
"""Maintenance in a month: at most the whole month."""
MAX_DAYS = 3650
"""Notice, cure, claim and data-return periods: at most ten years."""
MAX_MONTHS = 600
"""A term, or months missed in a row: at most fifty years."""
MONTHS_IN_YEAR = 12
# the longest run of months a chronic-failure right may count misses in ("4 of any 36")
MAX_CHRONIC_WINDOW = 36


class DecimalRangeError(ValueError):
    """A number with more digits than :data:`DECIMAL_DIGITS` before its
    decimal point or :data:`DECIMAL_PLACES` after it."""


def _within_bounds(match: re.Match[str]) -> bool:
    whole, fraction = match.group(1).lstrip("0"), match.group(2) or ""
    return len(whole) <= DECIMAL_DIGITS and len(fraction) <= DECIMAL_PLACES


def parse_decimal_text(text: str) -> Decimal:
    """A number as a person types it (``1250``, ``1250.00``, ``1 250,00``) as
    the exact decimal the project stores; ``ValueError`` if it is not one,
    :class:`DecimalRangeError` if it has more digits than a project holds."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    match = _DECIMAL_RE.fullmatch(cleaned)
    if not match:
        raise ValueError(text)
    if not _within_bounds(match):
        raise DecimalRangeError(text)
    return Decimal(cleaned)


def _parse_decimal(value: Any) -> Decimal:
    """Accept a decimal string (the format's own form), an int, or a float
    written by hand; refuse exponents, NaN and infinities."""
    if isinstance(value, Decimal):
        text = str(value)
    elif isinstance(value, bool):
        raise PydanticCustomError("decimal_text", "must be a number such as \"99.95\"")
    elif isinstance(value, int | float):
        text = repr(value)
    elif isinstance(value, str):
        text = value
    else:
        raise PydanticCustomError("decimal_text", "must be a number such as \"99.95\"")
    match = _DECIMAL_RE.fullmatch(text)
    if not match:
        raise PydanticCustomError(
            "decimal_text", "\"{text}\" is not a number such as \"99.95\"", {"text": text[:40]}
        )
    if not _within_bounds(match):
        raise PydanticCustomError(
            "decimal_range",
            "must have at most {digits} digits before the decimal point and {places} after it",
            {"digits": DECIMAL_DIGITS, "places": DECIMAL_PLACES},
        )
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern rules it out
        raise PydanticCustomError("decimal_text", "is not a number") from exc


def _parse_clock(value: Any) -> str:
    if not isinstance(value, str) or not _CLOCK_RE.fullmatch(value):
        raise PydanticCustomError(
            "clock_time", "must be a time of day written HH:MM (00:00 to 24:00)"
        )
    return value


DecimalText = Annotated[
    Decimal,
    BeforeValidator(_parse_decimal),
    PlainSerializer(lambda d: format(d, "f"), return_type=str, when_used="json"),
    WithJsonSchema({
        "type": "string",
        "pattern": rf"^-?[0-9]{{1,{DECIMAL_DIGITS}}}(\.[0-9]{{1,{DECIMAL_PLACES}}})?$",
        "description": "A decimal number written as text, exactly as typed (\"99.95\").",
    }),
]
"""A decimal kept exactly as typed; a JSON string in the file."""

ClockTime = Annotated[str, BeforeValidator(_parse_clock), WithJsonSchema({
    "type": "string", "pattern": "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$",
    "description": "A time of day HH:MM; 24:00 is midnight at the end of a day."})]
"""A time of day ``HH:MM``; ``24:00`` is midnight at the end of a day."""

EscalationLevel = Annotated[int, Field(ge=0, le=MAX_ESCALATION_LEVEL, strict=True)]
TargetMinutes = Annotated[int, Field(ge=0, le=MAX_TARGET_MINUTES, strict=True)]
WindowMinutes = Annotated[int, Field(ge=1, le=MAX_WINDOW_MINUTES, strict=True)]
NoticeHours = Annotated[int, Field(ge=0, le=MAX_NOTICE_HOURS, strict=True)]
MonthMinutes = Annotated[int, Field(ge=0, le=MAX_MONTH_MINUTES, strict=True)]
Days = Annotated[int, Field(ge=0, le=MAX_DAYS, strict=True)]
Months = Annotated[int, Field(ge=1, le=MAX_MONTHS, strict=True)]
WindowMonths = Annotated[int, Field(ge=2, le=MAX_CHRONIC_WINDOW, strict=True)]
MissedMonths = Annotated[int, Field(ge=1, le=MAX_CHRONIC_WINDOW, strict=True)]


def without_defaults(model: BaseModel, data: dict[str, Any],
                     names: Iterable[str]) -> dict[str, Any]:
    """``data``, ``model`` serialised, less the fields ``names`` that hold
    their default: what format 2 added is written only when it says
    something, so that a project that does not use it saves as before."""
    fields = type(model).model_fields
    for name in names:
        if getattr(model, name) == fields[name].get_default(call_default_factory=True):
            data.pop(name, None)
    return data


class Model(BaseModel):
    """Base of every part of the project: unknown keys are kept."""

    model_config = ConfigDict(extra="allow", validate_default=True,
                              use_attribute_docstrings=True)


class AgreementType(StrEnum):
    CUSTOMER_BASED = "customer_based"
    SERVICE_BASED = "service_based"
    MULTI_LEVEL = "multi_level"
    INTERNAL = "internal"


class PartyKind(StrEnum):
    COMPANY = "company"
    DEPARTMENT = "department"


class PartyRole(StrEnum):
    PROVIDER = "provider"
    CUSTOMER = "customer"


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def number(self) -> int:
        """0 for Monday … 6 for Sunday, as Babel and :mod:`datetime` count."""
        return list(Weekday).index(self)


class MetricKind(StrEnum):
    AVAILABILITY = "availability"
    RESPONSE_TIME = "response_time"
    RESOLUTION_TIME = "resolution_time"
    ERROR_RATE = "error_rate"
    THROUGHPUT = "throughput"
    CUSTOM = "custom"


class Direction(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Period(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"


class Commitment(StrEnum):
    """How firmly the party that owes the service levels promises them."""

    WILL_MEET = "will_meet"
    REASONABLE_EFFORTS = "reasonable_efforts"


class TermKind(StrEnum):
    """How long the agreement runs."""

    FIXED = "fixed"
    """An initial term in months, renewed or not (format 1's only kind)."""
    WHILE_SERVICES_USED = "while_services_used"
    """For as long as the Customer uses the services."""
    UNTIL_REPLACED = "until_replaced"
    """Until the parties agree a revised agreement that replaces it."""


class MeasuredDuring(StrEnum):
    COVERAGE = "coverage"
    ALWAYS = "always"
    SUPPORT_HOURS = "support_hours"
    """Only for severity levels: the response and resolution clock runs while
    support staff answer (format 2)."""
    CALENDAR = "calendar"
    """On the named calendar of the schedule whose id the level's ``calendar``
    holds (format 2)."""


class Holidays(StrEnum):
    EXCLUDED = "excluded"
    INCLUDED = "included"


class ReportFrequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"


class ReviewFrequency(StrEnum):
    NONE = "none"
    """No review meetings are agreed (format 2)."""
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"


class StandardExclusion(StrEnum):
    SCHEDULED_MAINTENANCE = "scheduled_maintenance"
    EMERGENCY_MAINTENANCE = "emergency_maintenance"
    FORCE_MAJEURE = "force_majeure"
    CUSTOMER_CAUSED = "customer_caused"
    THIRD_PARTY = "third_party"
    INTERNET_OUTSIDE_NETWORK = "internet_outside_network"
    SUSPENSION_NON_PAYMENT = "suspension_non_payment"
    BETA_FEATURES = "beta_features"
    CUSTOMER_REQUESTED_CHANGES = "customer_requested_changes"


PERCENT_UNIT = "percent"
KNOWN_UNITS = ("percent", "seconds", "minutes", "hours", "days", "business_hours",
               "business_days", "count")
"""Units the program writes in words; ``business_hours`` and ``business_days``
count the support calendar (:mod:`wizard.core.business_units`)."""


class Definition(Model):
    term: str = ""
    definition: str = ""


class Agreement(Model):
    title: str = ""
    reference: str = ""
    type: AgreementType = AgreementType.CUSTOMER_BASED
    effective_date: datetime.date = Field(default_factory=datetime.date.today)
    purpose: str = ""
    definitions: list[Definition] = Field(default_factory=list)
    document_version: str = "1.0"
    commitment: Commitment = Commitment.WILL_MEET
    resolution_commitment: Commitment = Commitment.WILL_MEET
    """How firmly the Provider promises the severity levels' resolution times
    (their response times are firm): ``reasonable_efforts`` makes them
    objectives it uses commercially reasonable efforts to meet. Written only
    when not the default."""
    scope_sentence: bool = True
    """``False``: after the purpose, the contract does not describe the kind
    of agreement ("This is a service-based agreement: …"); the sentence stays
    when the purpose is empty, so that the section is never empty. Written
    only when ``False``."""
    contacts_fallback: bool = True
    """With no contacts listed: ``True`` keeps the contacts section, saying
    who the contacts are (the signatories, or named later in writing);
    ``False`` leaves the section out. Written only when ``False``."""

    @model_serializer(mode="wrap")
    def _leave_out_unset_additions(
        self, handler: SerializerFunctionWrapHandler
    ) -> dict[str, Any]:
        return without_defaults(self, handler(self), (
            "contacts_fallback", "scope_sentence", "resolution_commitment"))


class Signatory(Model):
    name: str = ""
    title: str = ""
    email: str = ""


class Party(Model):
    name: str = ""
    kind: PartyKind = PartyKind.COMPANY
    address: str = ""
    registration: str = ""
    signatory: Signatory = Field(default_factory=Signatory)


class Parties(Model):
    provider: Party = Field(default_factory=Party)
    customer: Party = Field(default_factory=Party)


class Contact(Model):
    name: str = ""
    party: PartyRole = PartyRole.PROVIDER
    role: str = ""
    email: str = ""
    phone: str = ""
    responsibilities: list[str] = Field(default_factory=list)
    escalation_level: EscalationLevel = 0


class Service(Model):
    id: str = ""
    name: str = ""
    description: str = ""
    included: list[str] = Field(default_factory=list)
    excluded: list[str] = Field(default_factory=list)
    dependencies: list[str] = Field(default_factory=list)
    customer_responsibilities: list[str] = Field(default_factory=list)
    monthly_fee: DecimalText | None = None


class CoverageBlock(Model):
    days: list[Weekday] = Field(default_factory=list)
    start: ClockTime = "00:00"
    end: ClockTime = "24:00"


class MaintenanceWindow(Model):
    day: Weekday = Weekday.SUN
    start: ClockTime = "02:00"
    duration_minutes: WindowMinutes = 60


class NamedCalendar(Model):
    """Hours of their own that service and severity levels can be measured on
    (phone support 9–17, the platform around the clock), beside the coverage
    and support hours. It follows the schedule's time zone, public holiday
    rule and holiday region."""

    id: str = ""
    """A slug, unique among the schedule's calendars, that levels name."""
    name: str = ""
    """What the contract calls it: "Phone support"."""
    coverage: list[CoverageBlock] = Field(default_factory=list)
    """Blocks as for the schedule's ``coverage`` (empty: around the clock)."""


class Schedule(Model):
    timezone: str = "UTC"
    coverage: list[CoverageBlock] = Field(default_factory=list)
    support_coverage: list[CoverageBlock] | None = Field(default_factory=list)
    """When people answer: blocks as for ``coverage`` (empty: around the clock),
    or ``None`` when the agreement promises no support hours."""
    public_holidays: Holidays = Holidays.EXCLUDED
    holiday_region: str = ""
    maintenance_windows: list[MaintenanceWindow] = Field(default_factory=list)
    maintenance_notice_hours: NoticeHours = 0
    max_maintenance_minutes_per_month: MonthMinutes | None = None
    calendars: list[NamedCalendar] = Field(default_factory=list)
    """Further named hours (format 2): written only when there are any."""

    @model_serializer(mode="wrap")
    def _leave_out_no_calendars(
        self, handler: SerializerFunctionWrapHandler
    ) -> dict[str, Any]:
        return without_defaults(self, handler(self), ("calendars",))

    def calendar_by_id(self, calendar_id: str) -> NamedCalendar | None:
        return next((c for c in self.calendars if c.id == calendar_id), None)


MeasuredOn = tuple[MeasuredDuring, str]
"""When a level is measured, as one value: ``measured_during`` and the
calendar's id (empty unless ``measured_during`` is ``calendar``)."""


def _check_calendar(measured_during: MeasuredDuring, calendar: str) -> None:
    """A level names a calendar exactly when it is measured on one."""
    if measured_during is MeasuredDuring.CALENDAR and not calendar:
        raise ValueError("measured_during calendar needs the calendar's id in calendar")
    if calendar and measured_during is not MeasuredDuring.CALENDAR:
        raise ValueError("calendar is set, but measured_during is not calendar")


class SamplingMethod(StrEnum):
    """How the downtime of an availability level is counted."""

    CONTINUOUS = "continuous"
    """Each unavailability counts for as long as it lasted, to the second
    (format 1's meaning)."""
    SAMPLED_INTERVAL = "sampled_interval"
    """The month is cut into intervals of ``interval_minutes`` from its start;
    an interval in which the service was found unavailable counts whole."""


MAX_INTERVAL_MINUTES = 60
"""The longest sampling interval: an hour."""


class MeasuredOver(StrEnum):
    """The month an availability level is worked out for."""

    CALENDAR_MONTH = "calendar_month"
    """From the 1st to the end of the month (format 1's meaning)."""
    BILLING_CYCLE = "billing_cycle"
    """From day ``cycle_start_day`` of a month to the day before it in the next."""


class AvailabilityMethod(Model):
    """How an availability level is measured. The defaults are what every
    format-1 file meant: downtime counted to the second, per calendar month."""

    method: SamplingMethod = SamplingMethod.CONTINUOUS
    interval_minutes: Annotated[int, Field(ge=1, le=MAX_INTERVAL_MINUTES, strict=True)] = 5
    """The length of one interval, for ``sampled_interval``."""
    measured_over: MeasuredOver = MeasuredOver.CALENDAR_MONTH
    cycle_start_day: Annotated[int, Field(ge=1, le=28, strict=True)] = 1
    """The day of the month a billing cycle starts on, for ``billing_cycle``."""
    per_resource: str = ""
    """What the level is worked out for separately, in the contract's
    language and in the singular ("instance", "project and region"): each
    such resource meets or misses the target on its own. Empty: the service
    as a whole (format 1's meaning)."""

    @model_serializer(mode="wrap")
    def _leave_out_whole_service(
        self, handler: SerializerFunctionWrapHandler
    ) -> dict[str, Any]:
        return without_defaults(self, handler(self), ("per_resource",))

    def cycle_day(self) -> int:
        """The day the measured month starts on: 1 for the calendar month."""
        return (self.cycle_start_day if self.measured_over is MeasuredOver.BILLING_CYCLE
                else 1)


class Metric(Model):
    id: str = ""
    name: str = ""
    kind: MetricKind = MetricKind.CUSTOM
    service: str = "*"
    owed_by: PartyRole = PartyRole.PROVIDER
    """The party that meets this level: the Customer's own commitments (an
    internal agreement's other department, say) are owed by the Customer."""
    target: DecimalText = Decimal("0")
    unit: str = PERCENT_UNIT
    direction: Direction = Direction.AT_LEAST
    period: Period = Period.MONTH
    measured_during: Literal[MeasuredDuring.COVERAGE, MeasuredDuring.ALWAYS,
                             MeasuredDuring.CALENDAR] = MeasuredDuring.ALWAYS
    """During coverage hours, at all times, or on a named calendar (support
    hours are a clock for severity levels only)."""
    calendar: str = ""
    """The ``schedule.calendars`` id, for ``measured_during`` ``calendar``
    (format 2; written only when set)."""
    measurement: str = ""
    baseline: DecimalText | None = None
    commitment: Commitment | None = None
    """How firmly this level is promised when it differs from the agreement's
    ``commitment`` (``None``: as the agreement says). Written only when set."""
    method: AvailabilityMethod = Field(default_factory=AvailabilityMethod)
    """How downtime is counted (for an availability level in percent). Written
    only when it is not the default, so that a format-1 file saves as it was."""

    @model_serializer(mode="wrap")
    def _leave_out_default_method(
        self, handler: SerializerFunctionWrapHandler
    ) -> dict[str, Any]:
        return without_defaults(self, handler(self), ("method", "commitment", "calendar"))

    def commitment_in(self, agreement: Agreement) -> Commitment:
        """How firmly this level is promised under ``agreement``."""
        return self.commitment or agreement.commitment

    @model_validator(mode="after")
    def _calendar_named(self) -> Metric:
        _check_calendar(self.measured_during, self.calendar)
        return self

    @property
    def measured_on(self) -> MeasuredOn:
        """``measured_during`` and ``calendar`` together, set as one."""
        return self.measured_during, self.calendar

    @measured_on.setter
    def measured_on(self, value: MeasuredOn) -> None:
        during, calendar = value
        if during is MeasuredDuring.SUPPORT_HOURS:
            raise ValueError("a service level is not measured during support hours")
        self.measured_during = during
        self.calendar = calendar if during is MeasuredDuring.CALENDAR else ""


class SeverityLevel(Model):
    id: str = ""
    name: str = ""
    definition: str = ""
    response_minutes: TargetMinutes = 60
    resolution_minutes: TargetMinutes | None = None
    measured_during: MeasuredDuring = MeasuredDuring.COVERAGE
    calendar: str = ""
    """The ``schedule.calendars`` id, for ``measured_during`` ``calendar``
    (format 2; written only when set)."""

    @model_serializer(mode="wrap")
    def _leave_out_no_calendar(
        self, handler: SerializerFunctionWrapHandler
    ) -> dict[str, Any]:
        return without_defaults(self, handler(self), ("calendar",))

    @model_validator(mode="after")
    def _calendar_named(self) -> SeverityLevel:
        _check_calendar(self.measured_during, self.calendar)
        return self

    @property
    def measured_on(self) -> MeasuredOn:
        """``measured_during`` and ``calendar`` together, set as one."""
        return self.measured_during, self.calendar

    @measured_on.setter
    def measured_on(self, value: MeasuredOn) -> None:
        during, calendar = value
        self.measured_during = during
        self.calendar = calendar if during is MeasuredDuring.CALENDAR else ""


class CreditTier(Model):
    below: DecimalText
    credit_percent: DecimalText


class CreditKind(StrEnum):
    """How a credit schedule works out the credit of a month."""

    TIERS = "tiers"
    """A share of the month's fee by the tier the measured value falls in."""
    PER_MISS = "per_miss"
    """A share of the month's fee for each response of a severity level that
    misses its target."""
    LOST_TIME = "lost_time"
    """The downtime itself, at an hourly rate or prorated from the month's fee."""
    MULTIPLE_OF_DOWNTIME = "multiple_of_downtime"
    """A multiple of the downtime, prorated from the month's fee."""


class CreditForm(StrEnum):
    """How credits reach the Customer."""

    FUTURE_INVOICES = "future_invoices"
    """Set off against the next invoices, never paid out (format 1's only form)."""
    REFUND_AT_END = "refund_at_end"
    """Set off against the next invoices; what is left at the end of the term
    is refunded."""
    AUTOMATIC_WAIVER = "automatic_waiver"
    """The Provider waives the charge on the next invoice without a claim."""


class ClaimDeadlineUnit(StrEnum):
    DAYS = "days"
    BILLING_CYCLES = "billing_cycles"


class CreditIssue(StrEnum):
    """When an accepted claim's credit is issued."""

    NEXT_INVOICE = "next_invoice"
    WITHIN_DAYS = "within_days"


class LastMonthCredit(StrEnum):
    """What happens to a credit earned in the last month of the term, when no
    invoice follows."""

    REFUNDED = "refunded"
    LAPSES = "lapses"


class ClaimProcedure(Model):
    """How the Customer claims a credit: an optional clause, off by default."""

    included: bool = False
    channel: str = ""
    """Where claims go: a portal, an address, the support desk."""
    contents: list[str] = Field(default_factory=list)
    """What a claim must contain, one item a line."""
    deadline: Annotated[int, Field(ge=1, le=MAX_DAYS, strict=True)] = 30
    deadline_unit: ClaimDeadlineUnit = ClaimDeadlineUnit.DAYS
    """The deadline counts days, or billing cycles, after the month concerned."""
    answer_days: Days = 0
    """The Provider's time to accept or reject a claim (0: not set)."""
    issued: CreditIssue = CreditIssue.NEXT_INVOICE
    issue_days: Days = 30
    """With ``issued`` ``within_days``: days from the claim's acceptance."""
    last_month: LastMonthCredit = LastMonthCredit.REFUNDED


class CreditSchedule(Model):
    """One credit schedule: what it applies to and how its credit is worked out.

    ``metric`` names the level a ``tiers``, ``lost_time`` or
    ``multiple_of_downtime`` schedule measures (and, through its ``service``,
    the fees the credit is a share of); ``severity`` the severity level whose
    missed responses a ``per_miss`` schedule credits."""

    metric: str | None = None
    tiers: list[CreditTier] = Field(default_factory=list)
    cap_percent: DecimalText | None = None
    """The most this schedule credits in a month, as a share of the month's fee."""
    kind: CreditKind = CreditKind.TIERS
    severity: str | None = None
    percent: DecimalText | None = None
    """``per_miss``: the share of the month's fee for each missed response."""
    hourly_rate: DecimalText | None = None
    """``lost_time``: money per hour of downtime; ``None``: prorated from the fee."""
    multiple: DecimalText | None = None
    """``multiple_of_downtime``: how many times the downtime is credited."""
    minimum_credit: DecimalText | None = None
    """A credit due is at least this amount of money (``None``: no minimum)."""


CREDIT_ADDITIONS = ("kind", "severity", "percent", "hourly_rate", "multiple", "minimum_credit",
                     "more_schedules", "yearly_cap_percent", "yearly_cap_amount", "form",
                     "claim_procedure", "no_credits_clause")
"""The credit fields format 2 added (format-1 files hold none of them)."""


class ServiceCredits(CreditSchedule):
    """The agreement's service credits. Its own schedule fields are the first
    schedule (the only one format 1 knew); ``cap_percent`` caps every
    schedule's credits of a month together; ``more_schedules`` are the others."""

    enabled: bool = False
    claim_window_days: Days = 30
    sole_remedy: bool = False
    more_schedules: list[CreditSchedule] = Field(default_factory=list)
    yearly_cap_percent: DecimalText | None = None
    """The most a year's credits add up to, as a share of the fees of the
    twelve months: each month's credit counts the previous eleven months'."""
    yearly_cap_amount: DecimalText | None = None
    """The same cap as an amount of money."""
    form: CreditForm = CreditForm.FUTURE_INVOICES
    claim_procedure: ClaimProcedure = Field(default_factory=ClaimProcedure)
    no_credits_clause: bool = True
    """Without credits (``enabled`` false): ``True`` keeps a section saying
    that no credits apply and how a miss is handled; ``False`` leaves the
    section out."""

    @model_serializer(mode="wrap")
    def _leave_out_unused_additions(
        self, handler: SerializerFunctionWrapHandler
    ) -> dict[str, Any]:
        """The fields format 2 added to the credits are written only when they
        say something, so that credits as format 1 knew them save as before."""
        return without_defaults(self, handler(self), CREDIT_ADDITIONS)

    def schedules(self) -> list[CreditSchedule]:
        """Every schedule, the first (this object's own fields) first."""
        first = CreditSchedule.model_validate(
            {name: getattr(self, name) for name in CreditSchedule.model_fields})
        return [first, *self.more_schedules]


class GroupTarget(Model):
    """A customer group's own target for one service level."""

    metric: str = ""
    """The level's ``metrics[].id``."""
    target: DecimalText = Decimal("0")
    """The target that applies to the group instead of the organisation-wide one."""


class GroupCreditTiers(Model):
    """A customer group's own credit tiers for the schedule of one service level."""

    metric: str = ""
    """The ``metric`` of a ``tiers`` credit schedule."""
    tiers: list[CreditTier] = Field(default_factory=list)


class CustomerGroup(Model):
    """A level of a multi-level agreement between the organisation and a single
    service: a customer group or plan ("Gold", "Tier 1"). It inherits every
    target and credit of the organisation and overrides only what it names."""

    id: str = ""
    name: str = ""
    description: str = ""
    """Who belongs to the group ("customers on the Gold plan")."""
    targets: list[GroupTarget] = Field(default_factory=list)
    credit_tiers: list[GroupCreditTiers] = Field(default_factory=list)

    def target_for(self, metric: Metric) -> Decimal:
        """The target of ``metric`` that applies to this group."""
        return next((o.target for o in self.targets if o.metric == metric.id), metric.target)


class Reporting(Model):
    included: bool = True
    """Whether the agreement has a reporting and review clause at all."""
    frequency: ReportFrequency = ReportFrequency.MONTHLY
    recipient: str = ""
    contents: list[str] = Field(default_factory=list)
    review_frequency: ReviewFrequency = ReviewFrequency.QUARTERLY
    baseline_review: bool = False
    due_business_days: Days | None = None
    """Business days after a period's end by which its report is delivered
    (``None``: not said). Written only when set."""
    objection_days: Days | None = None
    """Days the Customer has to object to a report (``None``: not said).
    Written only when set."""

    @model_serializer(mode="wrap")
    def _leave_out_unset_terms(
        self, handler: SerializerFunctionWrapHandler
    ) -> dict[str, Any]:
        return without_defaults(self, handler(self), ("due_business_days", "objection_days"))


class Exclusions(Model):
    included: bool = True
    """Whether the agreement has an exclusions clause at all."""
    standard: list[StandardExclusion] = Field(default_factory=list)
    custom: list[str] = Field(default_factory=list)


class ChronicFailure(Model):
    """When repeated misses let the customer end the agreement: the same service
    level missed ``consecutive_months`` months in a row, or ``months_in_year``
    months within any ``within_months`` consecutive months (twelve unless said),
    counting only the service levels named in ``metrics`` (all when empty); the
    customer then has ``notice_days`` to use the right (no limit when None)."""

    consecutive_months: Months | None = None
    months_in_year: MissedMonths | None = None
    within_months: WindowMonths = MONTHS_IN_YEAR
    metrics: list[str] = Field(default_factory=list)
    notice_days: Days | None = None

    @model_serializer(mode="wrap")
    def _leave_out_format_2_defaults(
        self, handler: SerializerFunctionWrapHandler
    ) -> dict[str, Any]:
        """Format 2's additions are written only when set, so that a format-1
        rule saves as it was."""
        return without_defaults(self, handler(self), ("within_months", "metrics", "notice_days"))


class Termination(Model):
    term: TermKind = TermKind.FIXED
    initial_term_months: Months = 12
    auto_renew: bool = True
    renewal_term_months: Months = 12
    notice_days: Days = 30
    for_convenience_notice_days: Days | None = None
    chronic_failure: ChronicFailure = Field(default_factory=ChronicFailure)
    cure_days: Days = 30
    data_return_days: Days = 30
    amendments: str = ""
    convenience_clause: bool = True
    """``False``: the agreement says nothing of ending it for convenience
    (``for_convenience_notice_days`` unused). Written only when ``False``."""

    @model_serializer(mode="wrap")
    def _leave_out_unset_additions(
        self, handler: SerializerFunctionWrapHandler
    ) -> dict[str, Any]:
        return without_defaults(self, handler(self), ("convenience_clause",))


class MeasurementTerms(Model):
    """What the service levels' words mean in practice: an optional clause, off
    by default (the contract then says nothing more than before)."""

    included: bool = False
    unavailable_when: str = ""
    """What counts as unavailable ("the service does not answer requests, or
    answers only with server errors"); empty: not said."""
    measured_from: str = ""
    """Where and how unavailability is detected ("the Provider's monitoring,
    checking every minute from two locations outside its network")."""
    records_prevail: PartyRole = PartyRole.PROVIDER
    """Whose records decide when the parties' records differ."""
    workaround_resolves: bool = True
    """Whether a workaround that restores the service resolves an incident."""
    severity_assigned_by: PartyRole = PartyRole.CUSTOMER
    """The party that gives an incident its severity level first."""


class MaintenanceRules(Model):
    """How maintenance is announced and what emergency maintenance may take: an
    optional clause, off by default."""

    included: bool = False
    notice_channel: str = ""
    """How notice is given, as the clause "The Provider gives notice of
    maintenance by …" continues ("e-mail to the Customer's contacts and on the
    status page", without a "by" of its own); empty: not said."""
    emergency_notice_hours: NoticeHours = 0
    """The least notice of emergency maintenance (0: as early as possible)."""
    emergency_cap_minutes_per_month: MonthMinutes | None = None
    """The most emergency maintenance excluded from Downtime in a month."""


class Frame(Model):
    """The legal frame: master agreement, notices, law, courts, entire
    agreement, severability, counterparts. Optional, off by default."""

    included: bool = False
    master_agreement: str = ""
    """The master agreement this one forms part of; empty: none."""
    master_prevails: bool = True
    """Whether the master agreement prevails in a conflict (else this one)."""
    governing_law: str = ""
    """The governing law; empty: the law of the contract locale's country."""
    courts: str = ""
    """The courts with jurisdiction; empty: those of the Provider's seat."""
    electronic_signature: bool = True
    """Whether the parties may sign electronically."""


class Commercial(Model):
    """Payment, taxes, price changes, liability, data protection and report
    mechanics. Optional, off by default."""

    included: bool = False
    payment_days: Days = 30
    """Days the Customer has to pay an invoice (0: not said)."""
    fees_exclude_tax: bool = True
    """Whether the fees are stated before VAT and other taxes."""
    price_change_notice_days: Days | None = None
    """Notice of a price change (``None``: prices change only by agreement)."""
    liability_cap_months: Annotated[int, Field(ge=1, le=MAX_MONTHS, strict=True)] | None = 12
    """Liability capped at the fees of this many months (``None``: no cap clause)."""
    data_protection: str = ""
    """The data protection terms personal data is processed under; empty: a
    data processing agreement in the EU locales, nothing elsewhere."""


class Signing(Model):
    """Signing formalities: place, originals and each country's own (the
    approval of onerous clauses in Italy, two witnesses in Brazil). Optional."""

    included: bool = False
    place: str = ""
    """Where the agreement is signed ("Paris"); empty: not said."""


LEGAL_PARTS = ("measurement_terms", "maintenance_rules", "frame", "commercial", "signing")
"""The optional parts of a contract a project holds only when they differ
from their defaults (a file without them means what it always meant)."""


LOGO_MAX_BYTES = 1024 * 1024
"""The largest logo a project may hold (the file stays small enough to mail)."""

LOGO_MEDIA_TYPES = ("image/png", "image/jpeg")

_COLOUR_RE = re.compile(r"#[0-9A-Fa-f]{6}")


def _parse_colour(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _COLOUR_RE.fullmatch(value):
        raise PydanticCustomError("colour", "must be a colour written #RRGGBB")
    return value.upper()


Colour = Annotated[
    Annotated[str, Field(pattern=r"^#[0-9A-F]{6}$")] | None, BeforeValidator(_parse_colour)
]
"""An RGB colour ``#RRGGBB`` (upper case), or ``None`` for the template's own."""


def _base64_text(value: Any) -> Any:
    """Base64 as stored, without the line breaks and spaces a hand edit or a
    tool that wraps its output may have put in."""
    if isinstance(value, str):
        return "".join(value.split())
    return value


class Logo(Model):
    """An image stored inside the project, so that the file stays portable.

    ``data`` is the image file's bytes in base64; :mod:`wizard.core.branding`
    reads, checks and writes it. A damaged or oversized image still loads (the
    rest of the project must not be lost with it): the checks report it on
    the Appearance step, where it is chosen again or removed."""

    media_type: Literal["image/png", "image/jpeg"] = "image/png"
    filename: str = ""
    data: Annotated[str, BeforeValidator(_base64_text)] = ""


class Branding(Model):
    """The consultant's look: optional, each part falls back to the template's."""

    logo: Logo | None = None
    accent_colour: Colour = None
    body_font: str = ""
    paper: Literal["a4", "letter"] | None = None
    """The paper size, or ``None`` for the contract locale's own (US Letter in
    the United States, Canada, Mexico …, A4 elsewhere). Written only when set."""

    @model_serializer(mode="wrap")
    def _leave_out_automatic_paper(
        self, handler: SerializerFunctionWrapHandler
    ) -> dict[str, Any]:
        return without_defaults(self, handler(self), ("paper",))

    def is_default(self) -> bool:
        return self == Branding()


CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
MonthText = Annotated[str, Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]
"""A calendar month ``YYYY-MM``."""


class LevelRecord(Model):
    """One service level's result in a recorded month."""

    id: str = ""
    """The level's ``metrics[].id``."""
    target: DecimalText = Decimal("0")
    """The target the level had that month (a review may change it later)."""
    attained: DecimalText = Decimal("0")
    """The value attained, to at most eight decimals, rounded away from the
    target's side (a missed level never reads as its target)."""
    met: bool = False


class CreditRecord(Model):
    """The service credit given for a recorded month."""

    amount: DecimalText = Decimal("0")
    currency: CurrencyCode = "USD"


class MonthRecord(Model):
    """A month's results as ``sla-wizard report --keep`` recorded them."""

    month: MonthText = "2000-01"
    levels: list[LevelRecord] = Field(default_factory=list)
    """The levels measured that month (a level not measured is not listed)."""
    credit: CreditRecord | None = None
    """The credit given; ``None`` when the agreement has no credits or the
    credit could not be worked out."""


class Project(Model):
    """One SLA project, as saved in a ``.slaproj`` file.

    ``branding``, ``template``, ``history``, ``examples``,
    ``former_party_names`` and ``customer_groups`` are optional additions to
    format 1: they are written only when set, so that a project without them
    saves exactly as the format describes."""

    format: Literal["sla-project"] = "sla-project"
    format_version: Literal[2] = 2
    language: str = "en_US"
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "USD"
    agreement: Agreement = Field(default_factory=Agreement)
    parties: Parties = Field(default_factory=Parties)
    contacts: list[Contact] = Field(default_factory=list)
    services: list[Service] = Field(default_factory=list)
    schedule: Schedule = Field(default_factory=Schedule)
    metrics: list[Metric] = Field(default_factory=list)
    severity_levels: list[SeverityLevel] = Field(default_factory=list)
    service_credits: ServiceCredits = Field(default_factory=ServiceCredits)
    reporting: Reporting = Field(default_factory=Reporting)
    exclusions: Exclusions = Field(default_factory=Exclusions)
    termination: Termination = Field(default_factory=Termination)
    branding: Branding = Field(default_factory=Branding)
    template: str = ""
    """The Word template the contract uses: empty for the bundled standard
    template, else a file name in the user's templates folder or a path."""
    history: list[MonthRecord] = Field(default_factory=list)
    """Each recorded month's results, oldest first (:mod:`wizard.core.history`):
    what the yearly credit cap and the review's trend read."""
    measurement_terms: MeasurementTerms = Field(default_factory=MeasurementTerms)
    maintenance_rules: MaintenanceRules = Field(default_factory=MaintenanceRules)
    frame: Frame = Field(default_factory=Frame)
    commercial: Commercial = Field(default_factory=Commercial)
    signing: Signing = Field(default_factory=Signing)
    examples: dict[str, str] = Field(default_factory=dict)
    """The fields that still hold an example value, by path as the wizard's
    fields name them (``parties.customer.name``, ``services.0.description``),
    each with the example it was given (:mod:`wizard.core.examples`): a field
    whose text differs from its example has been written over."""
    former_party_names: list[str] = Field(default_factory=list)
    """The names of parties this project was made for before it was reused
    for another client (File → New from This Project): a text that still
    names one of them is warned about."""
    customer_groups: list[CustomerGroup] = Field(default_factory=list)
    """The customer groups of a multi-level agreement, the level between the
    organisation-wide terms and the per-service levels; written only when
    not empty."""

    @model_serializer(mode="wrap")
    def _leave_out_unset_additions(
        self, handler: SerializerFunctionWrapHandler
    ) -> dict[str, Any]:
        return without_defaults(self, handler(self), (
            "branding", "template", "history", "examples", "former_party_names",
            "customer_groups", *LEGAL_PARTS))

    def to_data(self) -> dict[str, Any]:
        """The project as JSON-ready data, unknown keys included."""
        return self.model_dump(mode="json")

    def service_by_id(self, service_id: str) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)

    def metric_by_id(self, metric_id: str | None) -> Metric | None:
        return next((m for m in self.metrics if m.id == metric_id), None)

    def contact_by_name(self, name: str) -> Contact | None:
        return next((c for c in self.contacts if c.name == name), None)

    def person_by_name(self, name: str) -> Contact | Signatory | None:
        """The contact, or failing that the signatory, called ``name``."""
        signatories = (self.parties.provider.signatory, self.parties.customer.signatory)
        return self.contact_by_name(name) or next(
            (s for s in signatories if s.name == name), None
        )
