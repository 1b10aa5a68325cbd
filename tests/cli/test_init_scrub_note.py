"""``maskline policy init`` on a table with free text drafts ``scrub``, which in SQL (the query path, MCP, agents,
warehouses) lets names and addresses in prose through: the draft says so where the choice is made."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.cli.test_first_use import run_cli

TICKETS = [
    "Hi, this is Maria Gonzalez, my card 4111 1111 1111 1111 was charged twice. Call me at +1 415 555 2671.",
    "Please change my email to john.carter.new@example.org, my SSN is 078-05-1120 if you need it.",
    "My parcel never arrived, contact aiko.t@example.net or +44 20 7946 0958 please, thanks a lot",
    "Refund to IBAN FR14 2004 1010 0505 0001 3M02 606 please, signed Pierre Dubois from Paris",
    "I cannot log in, my phone is +49 30 901820, thanks Hannah from the Berlin office today",
] * 4


def _write(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_a_drafted_scrub_says_names_survive_it_in_sql(tmp_path: Path) -> None:
    src = _write(tmp_path / "support_tickets.csv", ["ticket_id", "body"], [[i, t] for i, t in enumerate(TICKETS)])
    out = run_cli("policy", "init", str(src))
    assert out.returncode == 0, out.stderr
    line = next(line for line in out.stdout.splitlines() if line.strip().startswith("FREE_TEXT_WITH_PII:"))
    assert "{method: scrub}" in line and "names and addresses in prose survive in SQL" in line
    assert "{method: redact}" in line
    policy = tmp_path / "policy.yml"
    policy.write_text(out.stdout)
    assert run_cli("policy", "validate", str(policy)).returncode == 0


def test_other_drafted_methods_carry_no_such_note(tmp_path: Path) -> None:
    """Control: only scrub gets the note."""
    src = _write(tmp_path / "customers.csv", ["customer_id", "email"],
                 [[i, f"user{i}@example.com"] for i in range(20)])
    out = run_cli("policy", "init", str(src))
    assert out.returncode == 0, out.stderr
    assert "EMAIL: {method: email}" in out.stdout and "survive in SQL" not in out.stdout
