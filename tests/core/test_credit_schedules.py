"""Credit schedules that are not tiers, several schedules, caps per month and per
year: the money due, worked out by hand."""

from __future__ import annotations

from decimal import Decimal

from wizard.core.credit_schedules import (
    MonthMeasures,
    credit_due,
    credits_for_month,
    month_credit,
    schedule_credit,
)
from wizard.core.model import (
    CreditKind,
    CreditSchedule,
    CreditTier,
    Metric,
    MetricKind,
    Project,
    Service,
    ServiceCredits,
    SeverityLevel,
)


def project(credits: ServiceCredits) -> Project:
    return Project(
        services=[Service(id="region", name="Region", monthly_fee=Decimal("3000")),
                  Service(id="vm", name="Instances", monthly_fee=Decimal("1383"))],
        metrics=[Metric(id="region-up", name="Region availability",
                        kind=MetricKind.AVAILABILITY, service="region", target=Decimal("99.99")),
                 Metric(id="vm-up", name="Instance availability",
                        kind=MetricKind.AVAILABILITY, service="vm", target=Decimal("99.5"))],
        severity_levels=[SeverityLevel(id="P1", name="Critical", response_minutes=15)],
        service_credits=credits,
    )


def tiers(*pairs: tuple[str, str]) -> list[CreditTier]:
    return [CreditTier(below=Decimal(b), credit_percent=Decimal(c)) for b, c in pairs]


def credits(**more: object) -> ServiceCredits:
    return ServiceCredits.model_validate({
        "enabled": True, "metric": "region-up",
        "tiers": tiers(("99.99", "10"), ("99", "25")), **more})


def test_two_schedules_with_their_own_tiers() -> None:
    """A region-level and an instance-level availability each credit their own
    service's fee by their own tiers."""
    c = credits(more_schedules=[CreditSchedule(metric="vm-up",
                                               tiers=tiers(("99.5", "5"), ("95", "50")))])
    p = project(c)
    measures = MonthMeasures(attained={"region-up": Decimal("99.95"),
                                       "vm-up": Decimal("94")})
    parts = [schedule_credit(p, s, measures) for s in c.schedules()]
    # region: 10 % of 3,000.00 = 300.00; instances: 50 % of 1,383.00 = 691.50
    assert [part.amount for part in parts if part] == [Decimal("300.00"), Decimal("691.50")]
    assert month_credit(p, c, [part for part in parts if part]) == Decimal("991.50")


def test_several_schedules_are_capped_together() -> None:
    c = credits(cap_percent=Decimal("20"),
                more_schedules=[CreditSchedule(metric="vm-up", tiers=tiers(("99.5", "50")))])
    p = project(c)
    measures = MonthMeasures(attained={"region-up": Decimal("98"), "vm-up": Decimal("90")})
    parts = [part for s in c.schedules() if (part := schedule_credit(p, s, measures))]
    # region 25 % of 3,000 = 750, capped by its 20 % = 600.00; instances 50 % of 1,383 = 691.50
    assert [part.amount for part in parts] == [Decimal("600.00"), Decimal("691.50")]
    # together at most 20 % of 4,383.00 = 876.60
    assert month_credit(p, c, parts) == Decimal("876.60")


def test_per_missed_response() -> None:
    schedule = CreditSchedule(kind=CreditKind.PER_MISS, severity="P1", percent=Decimal("2.5"))
    p = project(credits())
    # 3 misses × 2.5 % = 7.5 % of 4,383.00 = 328.725 → 328.73
    part = schedule_credit(p, schedule, MonthMeasures(missed_responses={"P1": 3}))
    assert part is not None and part.amount == Decimal("328.73")
    assert schedule_credit(p, schedule, MonthMeasures()) is None


def test_lost_time_prorated_and_hourly() -> None:
    p = project(credits())
    measures = MonthMeasures(downtime_minutes={"vm-up": Decimal("90")})
    prorated = CreditSchedule(kind=CreditKind.LOST_TIME, metric="vm-up")
    # 1,383.00 × 90 / 43,830 = 2.8398… → 2.84
    assert schedule_credit(p, prorated, measures).amount == Decimal("2.84")  # type: ignore[union-attr]
    hourly = CreditSchedule(kind=CreditKind.LOST_TIME, metric="vm-up",
                            hourly_rate=Decimal("40"))
    # 1.5 hours × 40.00 = 60.00
    assert schedule_credit(p, hourly, measures).amount == Decimal("60.00")  # type: ignore[union-attr]


def test_multiple_of_downtime_with_minimum_and_cap() -> None:
    p = project(credits())
    schedule = CreditSchedule(kind=CreditKind.MULTIPLE_OF_DOWNTIME, metric="vm-up",
                              multiple=Decimal("10"), minimum_credit=Decimal("50"))
    # 10 × 90 minutes = 900 minutes: 1,383.00 × 900 / 43,830 = 28.398… → 28.40; minimum 50
    one = schedule_credit(p, schedule, MonthMeasures(downtime_minutes={"vm-up": Decimal("90")}))
    assert one is not None and (one.uncapped, one.amount) == (Decimal("28.40"), Decimal("50"))
    # no downtime, no credit: the minimum applies only once a credit is due
    none = schedule_credit(p, schedule, MonthMeasures(downtime_minutes={"vm-up": Decimal(0)}))
    assert none is not None and none.amount == 0
    capped = schedule.model_copy(update={"cap_percent": Decimal("10")})
    # 10 × 2,000 minutes: 1,383 × 20,000 / 43,830 = 631.07; cap 10 % of 1,383 = 138.30
    big = schedule_credit(p, capped, MonthMeasures(downtime_minutes={"vm-up": Decimal(2000)}))
    assert big is not None and big.amount == Decimal("138.30")


def test_the_yearly_cap_counts_the_previous_eleven_months() -> None:
    c = credits(yearly_cap_percent=Decimal("10"))
    # yearly fees 12 × 3,000 = 36,000: at most 3,600.00 in any twelve months
    earlier = [Decimal("1000")] + [Decimal("300")] * 11  # the oldest is 12 months back
    # counted: the last eleven, 3,300.00; 300.00 left
    assert credit_due(c, Decimal("750"), earlier, Decimal("36000")) == Decimal("300")
    assert credit_due(c, Decimal("200"), earlier, Decimal("36000")) == Decimal("200")
    assert credit_due(c, Decimal("750"), [Decimal("4000")], Decimal("36000")) == 0
    amount = c.model_copy(update={"yearly_cap_amount": Decimal("3400")})
    # the smaller limit applies: 3,400 − 3,300 = 100
    assert credit_due(amount, Decimal("750"), earlier, Decimal("36000")) == Decimal("100")
    assert credit_due(credits(), Decimal("750"), earlier, Decimal("36000")) == Decimal("750")


def test_a_month_of_every_schedule() -> None:
    """The first schedule's tiers, a second on the instances, a credit per missed
    P1 response; the agreement's cap over all of them."""
    c = credits(cap_percent=Decimal("30"), more_schedules=[
        CreditSchedule(metric="vm-up", tiers=tiers(("99.5", "5"))),
        CreditSchedule(kind=CreditKind.PER_MISS, severity="P1", percent=Decimal("1"))])
    p = project(c)
    month = credits_for_month(p, MonthMeasures(
        attained={"region-up": Decimal("99.95"), "vm-up": Decimal("99")},
        missed_responses={"P1": 4}))
    # 10 % of 3,000.00 = 300.00; 5 % of 1,383.00 = 69.15; 4 × 1 % of 4,383.00 = 175.32
    assert [part.amount for part in month.parts] == [
        Decimal("300.00"), Decimal("69.15"), Decimal("175.32")]
    assert month.total == Decimal("544.47")  # under 30 % of 4,383.00 = 1,314.90
    unmeasured = credits_for_month(p, MonthMeasures(attained={"region-up": Decimal("100")}))
    assert [s.metric or s.severity for s in unmeasured.not_worked_out] == ["vm-up", "P1"]
    assert unmeasured.total == 0
