"""Zendesk's names for time zones.

Zendesk Support (its Schedules API among others) names a time zone the way
Ruby on Rails does (``ActiveSupport::TimeZone``): ``"Pacific Time (US &
Canada)"``, ``"Berlin"``, ``"UTC"``, not the IANA name the project stores.
:data:`RAILS_NAMES` gives the Rails name of each IANA zone Rails lists (one
name where Rails has several for one zone: ``London`` rather than
``Edinburgh``; the IANA zone's other names too, ``Europe/Kyiv`` as well as
``Europe/Kiev``).

Limits: Rails lists about 150 zones. A zone it does not list is matched to
a listed one whose clock is the same at every moment from a year before
the date asked about to two years after it (UTC offset and daylight-saving
changes alike), the first such in the list: ``Europe/Luxembourg`` becomes
``Belgrade``, ``America/Vancouver`` ``Pacific Time (US & Canada)``. The
match is named in the export's notes. A zone with no such twin
(``Australia/Lord_Howe``, with its half-hour daylight saving) cannot be
written, and the export says so.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

RAILS_NAMES: dict[str, str] = {
    "Etc/GMT+12": "International Date Line West",
    "Pacific/Midway": "Midway Island",
    "Pacific/Pago_Pago": "American Samoa",
    "Pacific/Honolulu": "Hawaii",
    "America/Juneau": "Alaska",
    "America/Los_Angeles": "Pacific Time (US & Canada)",
    "America/Tijuana": "Tijuana",
    "America/Denver": "Mountain Time (US & Canada)",
    "America/Phoenix": "Arizona",
    "America/Chihuahua": "Chihuahua",
    "America/Mazatlan": "Mazatlan",
    "America/Chicago": "Central Time (US & Canada)",
    "America/Regina": "Saskatchewan",
    "America/Mexico_City": "Mexico City",
    "America/Monterrey": "Monterrey",
    "America/Guatemala": "Central America",
    "America/New_York": "Eastern Time (US & Canada)",
    "America/Indiana/Indianapolis": "Indiana (East)",
    "America/Bogota": "Bogota",
    "America/Lima": "Lima",
    "America/Halifax": "Atlantic Time (Canada)",
    "America/Caracas": "Caracas",
    "America/La_Paz": "La Paz",
    "America/Santiago": "Santiago",
    "America/St_Johns": "Newfoundland",
    "America/Sao_Paulo": "Brasilia",
    "America/Argentina/Buenos_Aires": "Buenos Aires",
    "America/Montevideo": "Montevideo",
    "America/Guyana": "Georgetown",
    "America/Puerto_Rico": "Puerto Rico",
    "America/Nuuk": "Greenland",
    "America/Godthab": "Greenland",
    "Atlantic/South_Georgia": "Mid-Atlantic",
    "Atlantic/Azores": "Azores",
    "Atlantic/Cape_Verde": "Cape Verde Is.",
    "Europe/Dublin": "Dublin",
    "Europe/London": "London",
    "Europe/Lisbon": "Lisbon",
    "Africa/Casablanca": "Casablanca",
    "Africa/Monrovia": "Monrovia",
    "Etc/UTC": "UTC",
    "Europe/Belgrade": "Belgrade",
    "Europe/Bratislava": "Bratislava",
    "Europe/Budapest": "Budapest",
    "Europe/Ljubljana": "Ljubljana",
    "Europe/Prague": "Prague",
    "Europe/Sarajevo": "Sarajevo",
    "Europe/Skopje": "Skopje",
    "Europe/Warsaw": "Warsaw",
    "Europe/Zagreb": "Zagreb",
    "Europe/Brussels": "Brussels",
    "Europe/Copenhagen": "Copenhagen",
    "Europe/Madrid": "Madrid",
    "Europe/Paris": "Paris",
    "Europe/Amsterdam": "Amsterdam",
    "Europe/Berlin": "Berlin",
    "Europe/Zurich": "Zurich",
    "Europe/Rome": "Rome",
    "Europe/Stockholm": "Stockholm",
    "Europe/Vienna": "Vienna",
    "Africa/Algiers": "West Central Africa",
    "Europe/Bucharest": "Bucharest",
    "Africa/Cairo": "Cairo",
    "Europe/Helsinki": "Helsinki",
    "Europe/Kiev": "Kyiv",
    "Europe/Kyiv": "Kyiv",
    "Europe/Riga": "Riga",
    "Europe/Sofia": "Sofia",
    "Europe/Tallinn": "Tallinn",
    "Europe/Vilnius": "Vilnius",
    "Europe/Athens": "Athens",
    "Europe/Istanbul": "Istanbul",
    "Europe/Minsk": "Minsk",
    "Asia/Jerusalem": "Jerusalem",
    "Africa/Harare": "Harare",
    "Africa/Johannesburg": "Pretoria",
    "Europe/Kaliningrad": "Kaliningrad",
    "Europe/Moscow": "Moscow",
    "Europe/Volgograd": "Volgograd",
    "Europe/Samara": "Samara",
    "Asia/Kuwait": "Kuwait",
    "Asia/Riyadh": "Riyadh",
    "Africa/Nairobi": "Nairobi",
    "Asia/Baghdad": "Baghdad",
    "Asia/Tehran": "Tehran",
    "Asia/Muscat": "Muscat",
    "Asia/Baku": "Baku",
    "Asia/Tbilisi": "Tbilisi",
    "Asia/Yerevan": "Yerevan",
    "Asia/Kabul": "Kabul",
    "Asia/Yekaterinburg": "Ekaterinburg",
    "Asia/Karachi": "Karachi",
    "Asia/Tashkent": "Tashkent",
    "Asia/Kolkata": "New Delhi",
    "Asia/Calcutta": "New Delhi",
    "Asia/Kathmandu": "Kathmandu",
    "Asia/Dhaka": "Dhaka",
    "Asia/Colombo": "Sri Jayawardenepura",
    "Asia/Almaty": "Almaty",
    "Asia/Novosibirsk": "Novosibirsk",
    "Asia/Rangoon": "Rangoon",
    "Asia/Yangon": "Rangoon",
    "Asia/Bangkok": "Bangkok",
    "Asia/Jakarta": "Jakarta",
    "Asia/Krasnoyarsk": "Krasnoyarsk",
    "Asia/Shanghai": "Beijing",
    "Asia/Chongqing": "Chongqing",
    "Asia/Hong_Kong": "Hong Kong",
    "Asia/Urumqi": "Urumqi",
    "Asia/Kuala_Lumpur": "Kuala Lumpur",
    "Asia/Singapore": "Singapore",
    "Asia/Taipei": "Taipei",
    "Australia/Perth": "Perth",
    "Asia/Irkutsk": "Irkutsk",
    "Asia/Ulaanbaatar": "Ulaanbaatar",
    "Asia/Seoul": "Seoul",
    "Asia/Tokyo": "Tokyo",
    "Asia/Yakutsk": "Yakutsk",
    "Australia/Darwin": "Darwin",
    "Australia/Adelaide": "Adelaide",
    "Australia/Melbourne": "Melbourne",
    "Australia/Sydney": "Sydney",
    "Australia/Brisbane": "Brisbane",
    "Australia/Hobart": "Hobart",
    "Asia/Vladivostok": "Vladivostok",
    "Pacific/Guam": "Guam",
    "Pacific/Port_Moresby": "Port Moresby",
    "Asia/Magadan": "Magadan",
    "Asia/Srednekolymsk": "Srednekolymsk",
    "Pacific/Guadalcanal": "Solomon Is.",
    "Pacific/Noumea": "New Caledonia",
    "Pacific/Fiji": "Fiji",
    "Asia/Kamchatka": "Kamchatka",
    "Pacific/Majuro": "Marshall Is.",
    "Pacific/Auckland": "Auckland",
    "Pacific/Tongatapu": "Nuku'alofa",
    "Pacific/Fakaofo": "Tokelau Is.",
    "Pacific/Chatham": "Chatham Is.",
    "Pacific/Apia": "Samoa",
}


def _same_clock(first: ZoneInfo, second: ZoneInfo, around: datetime.date) -> bool:
    """Whether both zones show the same time at every hour from a year
    before ``around`` to two years after it."""
    start = datetime.datetime(around.year - 1, around.month, 1, tzinfo=datetime.UTC)

    def same(hour: int) -> bool:
        moment = start + datetime.timedelta(hours=hour)
        return moment.astimezone(first).utcoffset() == moment.astimezone(second).utcoffset()

    hours = 3 * 366 * 24
    samples = range(0, hours, 24 * 91)  # four a year first: most zones differ at once
    return all(same(hour) for hour in samples) and all(same(hour) for hour in range(hours))


def rails_name(zone: ZoneInfo, around: datetime.date) -> tuple[str, bool] | None:
    """Zendesk's name for ``zone`` and whether it is Rails's own for it
    (``False``: a zone with the same clock around the date ``around``);
    ``None`` when Rails lists no zone with its clock."""
    key = "Etc/UTC" if zone.key in ("UTC", "Etc/UCT", "UCT", "Zulu", "Etc/Zulu",
                                    "Etc/Universal", "Universal") else zone.key
    if key in RAILS_NAMES:
        return RAILS_NAMES[key], True
    for iana, name in RAILS_NAMES.items():
        if _same_clock(zone, ZoneInfo(iana), around):
            return name, False
    return None
