"""Users, roles, passwords, login sessions and the audit trail, at the service layer."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from coder import audit, codebook, coding, exchange, passwords, pilot, sessions, summaries, users
from coder.cli import main
from coder.errors import AccountError, PermissionDenied
from tests.accounts import make_users
from tests.test_analysis_corpus import Corpus, build

DEFAULT = Path(__file__).resolve().parents[1] / "codebook" / "default.yaml"
PASSWORD = "correct horse"


# passwords ------------------------------------------------------------------------------
def test_passwords_are_salted_scrypt_with_their_parameters() -> None:
    one, two = passwords.hash_password(PASSWORD), passwords.hash_password(PASSWORD)
    assert one != two and one.startswith(f"scrypt${2**14}$8$1$")
    assert passwords.verify_password(PASSWORD, one) and passwords.verify_password(PASSWORD, two)
    assert not passwords.verify_password("correct horsE", one)
    assert not passwords.verify_password(PASSWORD, None)
    assert not passwords.verify_password(PASSWORD, "scrypt$garbage")
    cheap = passwords.hash_password(PASSWORD, n=2**10)  # old parameters keep verifying
    assert passwords.verify_password(PASSWORD, cheap)
    with pytest.raises(AccountError, match="at least 8"):
        passwords.hash_password("kort")


# users and the first admin ----------------------------------------------------------------
def test_first_admin_then_only_admins_manage_users(db) -> None:
    assert users.needs_first_admin(db)
    with pytest.raises(AccountError, match="no admin yet"):
        users.add_user(db, None, "anna", "researcher", PASSWORD)
    users.add_user(db, None, "lead", "admin", PASSWORD)
    assert not users.needs_first_admin(db)
    with pytest.raises(PermissionDenied, match="who adds this user"):
        users.add_user(db, None, "eve", "admin", PASSWORD)
    users.add_user(db, "lead", "anna", "researcher", PASSWORD)
    with pytest.raises(PermissionDenied, match="only an admin may manage users"):
        users.add_user(db, "anna", "bert", "researcher", PASSWORD)
    with pytest.raises(AccountError, match="exists already"):
        users.add_user(db, "lead", "anna", "researcher", PASSWORD)
    with pytest.raises(AccountError, match="reserved"):
        users.add_user(db, "lead", users.SYSTEM, "researcher", PASSWORD)
    with pytest.raises(AccountError, match="last admin"):
        users.disable(db, "lead", "lead")
    with pytest.raises(AccountError, match="last admin"):
        users.set_role(db, "lead", "lead", "researcher")
    assert [u.name for u in users.list_users(db)] == ["anna", "lead"]


def test_a_registered_coder_becomes_an_account_in_place(db) -> None:
    users.add_user(db, None, "lead", "admin", PASSWORD)
    coding.ensure_user(db, "Marie", actor="lead")  # e.g. a coder of an imported project
    assert not users.get(db, "Marie").has_password
    users.add_user(db, "lead", "Marie", "researcher", PASSWORD)
    assert users.get(db, "Marie").has_password


# the role matrix ---------------------------------------------------------------------------
#: permission -> roles that have it
MATRIX = {
    "code": {"admin", "researcher"},
    "write": {"admin", "researcher"},
    "comment": {"admin", "researcher", "steering"},
    "export": {"admin", "researcher"},
    "adjudicate": {"admin", "researcher"},
    "codebook": {"admin"},
    "pilot": {"admin"},
    "import": {"admin"},
    "users": {"admin"},
}


def test_the_permission_table(db) -> None:
    make_users(db, "a", role="admin")
    make_users(db, "r", role="researcher")
    make_users(db, "s", role="steering")
    assert set(MATRIX) == set(users.PERMISSIONS)
    for permission, roles in MATRIX.items():
        for name, role in (("a", "admin"), ("r", "researcher"), ("s", "steering")):
            assert users.can(db, name, permission) == (role in roles), (permission, role)
    assert not users.can(db, "nobody", "comment") and not users.can(db, None, "comment")


@pytest.fixture
def team(corpus: Corpus) -> Corpus:
    """The analysis corpus (anna and bert code) with an admin and a steering member."""
    make_users(corpus.db, "lead", role="admin")
    make_users(corpus.db, "stuur", role="steering")
    return corpus


@pytest.fixture
def corpus(db) -> Corpus:
    return build(db)


def test_steering_is_refused_by_every_service(team: Corpus) -> None:
    db, doc = team.db, team.doc["Alfa"]
    coding_id = db.execute("SELECT min(id) FROM codings").fetchone()[0]
    refused = {
        "code": lambda: coding.create(db, "stuur", doc, 0, 20, ["missie"]),
        "code all hits": lambda: coding.code_spans(db, "stuur", [(doc, 0, 20)], "missie"),
        "undo": lambda: coding.undo(db, "stuur"),
        "summary": lambda: summaries.save_summary(db, "stuur", "missie", "Tekst"),
        "finding": lambda: summaries.create_finding(db, "stuur", "Titel"),
        "key quote": lambda: summaries.mark_key_quote(db, "stuur", coding_id),
        "codebook": lambda: codebook.rename(db, "missie", "Opdracht", actor="stuur"),
        "pilot": lambda: pilot.create(db, "stuur", "p", plans=1),
        "csv export": lambda: exchange.export_table(db, "csv", actor="stuur"),
        "qdpx export": lambda: exchange.export_project(db, actor="stuur"),
        "users": lambda: users.disable(db, "stuur", "anna"),
    }
    for what, call in refused.items():
        with pytest.raises(PermissionDenied, match="steering group"):
            call()
        assert what  # the loop names the case in a failure's traceback
    summaries.save_summary(db, "anna", "missie", "Tekst")
    item = summaries.summary(db, "missie")
    assert summaries.add_comment(db, "stuur", item.id, "Helder.").author == "stuur"
    users.grant(db, "lead", "stuur", "export")
    assert exchange.export_table(db, "jsonl", actor="stuur")
    users.revoke(db, "lead", "stuur", "export")
    with pytest.raises(PermissionDenied):
        exchange.export_table(db, "jsonl", actor="stuur")


def test_researchers_code_and_write_but_do_not_manage(team: Corpus, tmp_path: Path) -> None:
    db, doc = team.db, team.doc["Alfa"]
    assert coding.create(db, "anna", doc, 0, 20, ["missie"])
    assert summaries.save_summary(db, "anna", "missie", "Tekst").version == 1
    assert exchange.export_table(db, "csv", actor="anna")
    for call in (
        lambda: codebook.rename(db, "missie", "Opdracht", actor="anna"),
        lambda: pilot.create(db, "anna", "p", plans=1),
        lambda: users.disable(db, "anna", "bert"),
    ):
        with pytest.raises(PermissionDenied, match="only an admin"):
            call()
    qdpx = tmp_path / "p.qdpx"
    qdpx.write_bytes(exchange.export_project(db, actor="anna").data)
    with pytest.raises(PermissionDenied, match="only an admin may import"):
        exchange.import_project(db, qdpx, actor="anna")
    assert codebook.rename(db, "missie", "Opdracht", actor="lead").version


def test_disabled_and_unknown_users_are_refused(team: Corpus) -> None:
    db, doc = team.db, team.doc["Alfa"]
    users.disable(db, "lead", "bert")
    with pytest.raises(PermissionDenied, match="disabled"):
        coding.create(db, "bert", doc, 0, 20, ["missie"])
    with pytest.raises(PermissionDenied, match="unknown user 'zoe'"):
        summaries.add_comment(db, "zoe", 1, "x")
    users.enable(db, "lead", "bert")
    assert coding.create(db, "bert", doc, 0, 20, ["missie"])


# login, lockout, sessions -------------------------------------------------------------------
@pytest.fixture
def accounts(db):
    users.add_user(db, None, "lead", "admin", PASSWORD)
    users.add_user(db, "lead", "anna", "researcher", PASSWORD)
    return db


def test_login_opens_a_session_and_logout_ends_it(accounts) -> None:
    db = accounts
    session = sessions.login(db, " anna ", PASSWORD)
    assert session.user == "anna" and sessions.resolve(db, session.token) == "anna"
    stored = db.execute("SELECT token_hash FROM sessions").fetchone()[0]
    assert session.token not in stored and len(stored) == 64  # only its SHA-256
    assert sessions.resolve(db, "forged") is None and sessions.resolve(db, None) is None
    sessions.logout(db, session.token)
    assert sessions.resolve(db, session.token) is None


def test_wrong_password_and_unknown_name_read_the_same(accounts) -> None:
    for name, password in (("anna", "wrong password"), ("nobody", PASSWORD)):
        with pytest.raises(sessions.LoginFailed) as refused:
            sessions.login(accounts, name, password)
        assert str(refused.value) == "name or password wrong"


@pytest.mark.parametrize("name", ["anna", "nobody"])
def test_lockout_after_five_failures_for_any_name(accounts, name: str) -> None:
    db = accounts
    for _ in range(sessions.LOCK_AFTER - 1):
        with pytest.raises(sessions.LoginFailed, match="name or password wrong"):
            sessions.login(db, name, "wrong password")
    with pytest.raises(sessions.LoginFailed, match="locked until") as locked:
        sessions.login(db, name, "wrong password")
    assert locked.value.locked_until
    with pytest.raises(sessions.LoginFailed, match="locked until"):
        sessions.login(db, name, PASSWORD)  # even the right password waits
    # the lock runs out: the next attempt is counted afresh and a good login clears it
    past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
    db.execute("UPDATE login_failures SET locked_until = ?", [past])
    if name == "anna":
        assert sessions.login(db, name, PASSWORD).user == "anna"
        assert db.execute("SELECT count(*) FROM login_failures").fetchone()[0] == 0
        assert audit.entries(db, entity="user", entity_id="anna")[-1].verb == "lock"
    else:
        with pytest.raises(sessions.LoginFailed, match="name or password wrong"):
            sessions.login(db, name, PASSWORD)


def _age(db, **column_delta: timedelta) -> None:
    for column, delta in column_delta.items():
        moment = (datetime.now(UTC) - delta).isoformat(timespec="microseconds")
        db.execute(f"UPDATE sessions SET {column} = ?", [moment])


def test_sessions_expire_when_idle_too_old_or_disabled(accounts) -> None:
    db = accounts
    session = sessions.login(db, "anna", PASSWORD)
    _age(db, last_seen_at=sessions.IDLE - timedelta(minutes=5))
    assert sessions.resolve(db, session.token) == "anna"  # and the idle clock restarts
    seen = db.execute("SELECT last_seen_at FROM sessions").fetchone()[0]
    assert datetime.fromisoformat(seen) > datetime.now(UTC) - timedelta(minutes=1)
    _age(db, last_seen_at=sessions.IDLE + timedelta(minutes=1))
    assert sessions.resolve(db, session.token) is None
    again = sessions.login(db, "anna", PASSWORD)
    db.execute(
        "UPDATE sessions SET expires_at = ? WHERE user_name = 'anna' AND ended_at IS NULL",
        [datetime.now(UTC).isoformat()],
    )
    assert sessions.resolve(db, again.token) is None
    third = sessions.login(db, "anna", PASSWORD)
    users.disable(db, "lead", "anna")
    assert sessions.resolve(db, third.token) is None
    with pytest.raises(sessions.LoginFailed, match="name or password wrong"):
        sessions.login(db, "anna", PASSWORD)


def test_a_new_password_ends_the_sessions_and_is_never_logged(accounts) -> None:
    db = accounts
    session = sessions.login(db, "anna", PASSWORD)
    users.set_password(db, "anna", "anna", "nieuw wachtwoord")
    assert sessions.resolve(db, session.token) is None
    with pytest.raises(PermissionDenied):
        users.set_password(db, "anna", "lead", "overgenomen!")
    assert sessions.login(db, "anna", "nieuw wachtwoord").user == "anna"
    log = json.dumps([e.as_dict() for e in audit.entries(db)])
    hashes = [r[0] for r in db.execute("SELECT password_hash FROM users")]
    assert "nieuw wachtwoord" not in log and PASSWORD not in log
    assert all(h.split("$")[-1] not in log for h in hashes)
    assert "password" in [e.verb for e in audit.entries(db, entity="user", entity_id="anna")]


# the audit trail -----------------------------------------------------------------------------
def test_every_kind_of_change_is_audited(team: Corpus) -> None:
    db, doc = team.db, team.doc["Alfa"]
    (made,) = coding.create(db, "anna", doc, 0, 20, ["missie"])
    codebook.rename(db, "visie", "Visie en toekomst", actor="lead")
    item = summaries.save_summary(db, "anna", "missie", "Eerste versie.")
    summaries.set_summary_status(db, "anna", "missie", "ready")
    summaries.add_comment(db, "stuur", item.id, "Mooi.")
    summaries.mark_key_quote(db, "anna", made.id)
    users.grant(db, "lead", "stuur", "export")
    kinds = {(e.entity, e.verb, e.actor) for e in audit.entries(db)}
    for wanted in [
        ("coding", "create", "anna"),
        ("code", "rename", "lead"),
        ("summary", "create", "anna"),
        ("summary", "status", "anna"),
        ("comment", "create", "stuur"),
        ("key_quote", "create", "anna"),
        ("user", "grant", "lead"),
    ]:
        assert wanted in kinds, wanted
    renamed = audit.entries(db, entity="code", entity_id="visie")[-1]
    assert (renamed.before, renamed.after) == ({"name": "Visie"}, {"name": "Visie en toekomst"})
    assert [e.entity for e in audit.entries(db, actor="stuur")] == ["user", "comment"]
    assert audit.entries(db, since="2999-01-01") == []
    assert [h["verb"] for h in coding.history(db, made.id)] == ["create"]  # per fragment


def test_pilots_are_audited(team: Corpus) -> None:
    db = team.db
    pilot.create(db, "lead", "proef", plans=2, coders=["anna", "bert"], seed=1)
    pilot.close(db, "lead", "proef")
    verbs = [e.verb for e in audit.entries(db, entity="pilot", entity_id="proef")]
    assert verbs == ["pilot-create", "pilot-close"]


# the command line -------------------------------------------------------------------------
def run(db_path: Path, *args: str, code: int = 0, stdin: str | None = None) -> str:
    result = CliRunner().invoke(main, ["--db", str(db_path), *args], input=stdin)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output


def test_cli_users_first_run_roles_and_audit(tmp_path: Path) -> None:
    db_path = tmp_path / "cli.db"
    out = run(db_path, "user", "add", "anna", "--password-stdin", stdin=PASSWORD, code=1)
    assert "no admin yet" in out
    run(db_path, "user", "add", "lead", "--role", "admin", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    out = run(db_path, "user", "add", "anna", "--password-stdin", stdin=PASSWORD, code=1)
    assert "unknown user 'admin'" in out  # now an admin must act (--as; default $USER)
    out = run(
        db_path, "user", "add", "anna", "--as", "lead", stdin=f"{PASSWORD}\nanders12\n", code=1
    )
    assert "differ" in out and PASSWORD not in out
    run(db_path, "user", "add", "anna", "--as", "lead", "--password-stdin", stdin=PASSWORD)
    run(db_path, "user", "add", "stuur", "--role", "steering", "--as", "lead",
        "--password-stdin", stdin=PASSWORD)  # fmt: skip
    out = run(db_path, "user", "grant", "stuur", "export", "--as", "anna", code=1)
    assert out.startswith("error: 'anna' is a researcher")
    run(db_path, "user", "grant", "stuur", "export", "--as", "lead")
    listed = json.loads(run(db_path, "user", "list", "--json"))
    assert {u["name"]: u["grants"] for u in listed} == {"anna": [], "lead": [], "stuur": ["export"]}
    run(db_path, "user", "passwd", "anna", "--as", "anna", "--password-stdin", stdin="nieuw123")
    run(db_path, "user", "disable", "stuur", "--as", "lead")
    out = run(db_path, "codebook", "load", str(DEFAULT), "--as", "zoe", code=1)
    assert "unknown user 'zoe'" in out and "coder user add" in out
    run(db_path, "codebook", "load", str(DEFAULT), "--as", "lead")
    entries = json.loads(run(db_path, "audit", "--entity", "user", "--json"))
    assert [e["verb"] for e in entries] == ["add", "add", "add", "grant", "password", "disable"]
    assert "password changed for anna" in run(db_path, "audit", "--actor", "anna")
    assert "rename" not in run(db_path, "audit", "--entity", "code", "--id", "missie")
    assert "no entries" in run(db_path, "audit", "--since", "2999-01-01")
    assert "not a date" in run(db_path, "audit", "--since", "gisteren", code=1)


def test_cli_demo_users_only_on_a_demo_database(tmp_path: Path) -> None:
    db_path = tmp_path / "demo.db"
    out = run(db_path, "user", "demo")
    assert "DEMO credentials" in out and "stuurgroep" in out
    assert "DEMO credentials" in run(db_path, "user", "demo")  # again: nothing new, same list
    db_path = tmp_path / "real.db"
    run(db_path, "user", "add", "lead", "--role", "admin", "--password-stdin", stdin=PASSWORD)
    assert "real users" in run(db_path, "user", "demo", code=1)
