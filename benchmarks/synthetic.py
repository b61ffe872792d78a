"""A synthetic archive of short court orders and news items, for throughput and memory at 10,000+ documents.

The real corpus is a few hundred documents; what breaks at scale (per-document overhead, memory that grows
with the count, Prefect's per-task cost) only shows with many. The prose is written for this benchmark and
filled in from templates so that names, agencies, courts, dates and dockets vary and the extractors have
real work (entities, decretal language, data-sharing sentences) in every document.
"""

from __future__ import annotations

import random
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FIRST = ("Ana", "Marcus", "Helen", "Rafael", "Priya", "Daniel", "Grace", "Tomas", "Lena", "Victor", "Ruth",
         "Samuel", "Irene", "Oscar", "Noor", "Felix", "Martha", "Andre", "Yuki", "Colin", "Delia", "Hector")
LAST = ("Okafor", "Lindqvist", "Barrera", "Whitfield", "Nakamura", "Castellanos", "Brennan", "Adeyemi",
        "Holloway", "Ferreira", "Kowalski", "Thornton", "Mendoza", "Achterberg", "Pellegrini", "Osei",
        "Rutherford", "Valdivia", "Sorensen", "Galloway", "Quintero", "Haverford")
COURTS = (
    ("Northern District of California", "SAN FRANCISCO"),
    ("District of Massachusetts", "BOSTON"),
    ("Southern District of New York", "NEW YORK"),
    ("District of Columbia", "WASHINGTON"),
    ("Western District of Washington", "SEATTLE"),
    ("District of Oregon", "PORTLAND"),
    ("Northern District of Illinois", "CHICAGO"),
    ("District of Maryland", "BALTIMORE"),
)
TRANSFERS = (
    ("the Internal Revenue Service", "U.S. Immigration and Customs Enforcement", "taxpayer addresses"),
    ("the Department of Agriculture", "the Department of Homeland Security", "SNAP recipient data"),
    ("the Centers for Medicare & Medicaid Services", "ICE", "Medicaid enrollee data"),
    ("the Social Security Administration", "the Department of Homeland Security", "Social Security numbers"),
    ("the IRS", "ICE", "tax return information"),
    ("the Department of Health and Human Services", "ICE", "home addresses and immigration status"),
)
PLAINTIFFS = ("the State of Oregon", "the Commonwealth of Massachusetts", "the Riverside Tenants Union",
              "the Coalition for Benefit Privacy", "the Harbor Workers Center", "the State of Illinois",
              "the Alliance of Family Farmworkers", "the Greenway Legal Aid Society")
RULINGS = (
    ("GRANTED", "barred", "may not transfer"),
    ("DENIED", "declined to stop", "may continue to transfer"),
    ("GRANTED IN PART and DENIED IN PART", "partly blocked", "may not transfer"),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


@dataclass(frozen=True)
class Facts:
    """What one document is about; the templates only arrange these facts into prose."""

    judge: str
    court: str
    city: str
    docket: str
    plaintiff: str
    provider: str
    recipient: str
    data: str
    ruling: tuple[str, str, str]
    signed: date
    decided: date


def _facts(rng: random.Random) -> Facts:
    court, city = rng.choice(COURTS)
    provider, recipient, data = rng.choice(TRANSFERS)
    signed = date(2019, 1, 1) + timedelta(days=rng.randrange(2400))
    first, last = rng.choice(FIRST), rng.choice(LAST)
    initials = f"{first[0]}{rng.choice('ABCDEFGHJKLMNPRSTW')}{last[0]}"
    docket = f"{rng.randint(1, 5)}:{signed.year % 100:02d}-cv-{rng.randint(100, 9999):05d}-{initials}"
    return Facts(judge=f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}", court=court, city=city,
                 docket=docket, plaintiff=rng.choice(PLAINTIFFS), provider=provider, recipient=recipient,
                 data=data, ruling=rng.choice(RULINGS), signed=signed,
                 decided=signed + timedelta(days=rng.randint(20, 300)))


def _long(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def court_order(facts: Facts) -> str:
    """A short district-court order on a motion to stop a data transfer, with caption and signature."""
    decretal, _, verb = facts.ruling
    return f"""UNITED STATES DISTRICT COURT
{facts.court.upper()}

{facts.plaintiff.removeprefix("the ").upper()}, et al.,
Plaintiffs,
v.
{facts.provider.removeprefix("the ").upper()}, et al.,
Defendants.

Case No. {facts.docket}

ORDER ON MOTION FOR PRELIMINARY INJUNCTION

The plaintiffs challenge an agreement signed on {_long(facts.signed)} under which {facts.provider} gives
{facts.data} to {facts.recipient}. They argue that the transfer exceeds what the governing statutes allow
and that the agencies never explained why the records were needed. Having considered the briefs and the
arguments of counsel, the Court rules as follows.

IT IS ORDERED that the motion for a preliminary injunction is {decretal}. Pending further order,
{facts.provider} {verb} {facts.data} of the plaintiffs' members to {facts.recipient}.

IT IS SO ORDERED.

Dated: {_long(facts.decided)}

{facts.judge}
United States District Judge
"""


def news_item(facts: Facts) -> str:
    """A short wire-style story reporting the same kind of ruling, as news sites publish them."""
    _, reported, _ = facts.ruling
    weekday = WEEKDAYS[facts.decided.weekday() % len(WEEKDAYS)]
    return f"""Judge rules on sharing of {facts.data}

{facts.city.title()}, {facts.decided:%b}. {facts.decided.day} - A federal judge on {weekday} {reported}
{facts.provider} from handing {facts.data} to {facts.recipient}, in a lawsuit brought by {facts.plaintiff}.

U.S. District Judge {facts.judge} of the {facts.court} wrote that the agencies had not shown the transfer
was lawful. The agreement between the two agencies was signed on {_long(facts.signed)}, according to
court filings in case No. {facts.docket}.

A spokesperson for {facts.recipient} said the agency was reviewing the decision. Lawyers for
{facts.plaintiff} said the ruling protects people who gave their information only to receive benefits.
"""


def write_archive(path: Path, count: int, seed: int = 7) -> int:
    """Write `count` documents (about 60% orders, 40% news) into a zip at `path`; returns their word count."""
    rng = random.Random(seed)
    words = 0
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for number in range(count):
            facts = _facts(rng)
            is_order = rng.random() < 0.6
            text = court_order(facts) if is_order else news_item(facts)
            folder = "orders" if is_order else "news"
            archive.writestr(f"{folder}/{number:06d}.txt", text)
            words += len(text.split())
    return words
