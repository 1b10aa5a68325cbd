"""Logins written behind their Windows logon domain (``DOMAIN\\account``) are logins (issue 15).

Found on a public sample database the project never generated (round `extcsv21`): an HR table keeps each employee's
``loginid`` as a down-level logon name, the domain's NetBIOS name, a backslash and the account (``CORP\\jsmith``,
as Active Directory and Windows write a login). The login detectors' patterns stopped at the backslash, so the column
was "name suggests USERNAME, which the values did not confirm" under its name, and uncertain under an opaque one.
The domain is now read off (`validators.logon_account`) and the account judged as before: under a login name any
handle, without a name handles built on a first name.

Controls: Windows paths of one or more folders (`reports\\annual2019`, `C:\\Users\\...`), accounts behind a domain
that are dictionary words or counters under an opaque name, and bare handles read as before. Every value is drawn
here by a seeded generator; none comes from the probe.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from maskline.infotypes.validators import handle_with_name, logon_account, username
from tests.classify.decided_column import decided

FIRST = ["deborah", "marcus", "ingrid", "tobias", "leila", "rashid", "camille", "oskar", "priya", "mateo", "helena",
         "viktor", "amara", "jonas", "sofia", "dmitri", "nadia", "elliot", "yusuf", "greta"]
FAMILY = ["hensley", "okafor", "lindqvist", "moreau", "castillo", "nakamura", "brennan", "adeyemi", "kovacs", "silva"]


def _logins(seed: int, n: int, domain: str) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        first, family = rng.choice(FIRST), rng.choice(FAMILY)
        account = rng.choice([f"{first}{rng.randint(0, 9)}", f"{first[0]}{family}", f"{first}.{family}",
                              f"{first}_{family[:3]}"])
        out.append(f"{domain}\\{account}")
    return out


def _staff(seed: int, n: int, name: str, domain: str) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame({
        "staff_key": range(1, n + 1),
        name: _logins(seed, n, domain),
        "job": [rng.choice(["Buyer", "Engineer", "Technician", "Planner"]) for _ in range(n)],
    })


def test_the_account_is_read_off_its_logon_domain() -> None:
    assert logon_account("KESTREL\\ingrid.moreau") == "ingrid.moreau"
    assert logon_account("orbis-eng.example\\tobias7") == "tobias7"
    assert username("KESTREL\\ingrid.moreau") and handle_with_name("orbis-eng\\tobias7")


@pytest.mark.parametrize("value", ["C:\\Users\\ingrid", "reports\\2019\\annual", "\\\\server\\share", "KESTREL\\",
                                   "KESTREL\\ingrid moreau"])
def test_paths_and_broken_logons_are_no_login(value: str) -> None:
    assert not username(value)


@pytest.mark.parametrize("name,domain", [("loginid", "orbis-eng"), ("login", "KESTREL"), ("user_name", "hq"),
                                         ("windows_account", "orbis-eng.example")])
def test_logons_under_a_login_name_are_usernames(name: str, domain: str, tmp_path) -> None:
    info_type, masked, _ = decided(_staff(3, 40, name, domain), name, tmp_path)
    assert (info_type, masked) == ("USERNAME", True)


@pytest.mark.parametrize("seed", [4, 9])
def test_logons_built_on_first_names_are_usernames_without_a_name(seed: int, tmp_path) -> None:
    info_type, masked, _ = decided(_staff(seed, 60, "c3", "orbis-eng"), "c3", tmp_path)
    assert (info_type, masked) == ("USERNAME", True)


def test_relative_paths_of_words_are_no_usernames(tmp_path) -> None:
    rng = random.Random(21)
    folders = ["reports", "images", "archive", "exports", "templates"]
    files = ["annual", "summary", "logo", "invoice", "budget", "minutes", "banner", "draft"]
    paths = [f"{rng.choice(folders)}\\{rng.choice(files)}{rng.randint(2000, 2024)}" for _ in range(60)]
    frame = pd.DataFrame({"c2": paths})
    assert decided(frame, "c2", tmp_path)[0] != "USERNAME"


def test_counters_behind_a_domain_without_a_name_are_no_usernames(tmp_path) -> None:
    frame = pd.DataFrame({"c4": [f"orbis-eng\\svc{i:04d}" for i in range(60)]})
    assert decided(frame, "c4", tmp_path)[0] != "USERNAME"


def test_bare_handles_are_read_as_before(tmp_path) -> None:
    frame = _staff(5, 40, "login", "x")
    frame["login"] = [logon_account(v) for v in frame["login"]]
    assert decided(frame, "login", tmp_path)[:2] == ("USERNAME", True)
