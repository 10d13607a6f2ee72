"""Summaries per code, cross-code findings, steering-group comments and key quotes.

After coding, a researcher writes per code a Markdown summary (observations,
conclusions, key quotes) and takes it through review: ``draft`` -> ``ready``
(for review) -> ``reviewed``, and back to ``draft`` whenever it needs work.
Findings that span codes follow the same workflow. Steering-group members read
and comment; they do not write summaries, mark quotes or code.

Every save is a new version row (``summary_versions`` is append-only), so any
past text can be read and compared; comments are kept with the version that was
read; key quotes are soft-removed, so who marked what stays visible.

Who may do what is :mod:`coder.users`' rule (``write``: admin and researcher;
``comment``: everyone), checked here in every verb, for the CLI and the app
alike. Every change is also written to the audit trail (entity ``summary``,
``comment`` or ``key_quote``).
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import asdict, dataclass
from typing import Any

import sqlite_utils
from markdown_it import MarkdownIt

from coder import audit
from coder.audit import now
from coder.errors import ConflictError, NotFoundError, PermissionDenied, SummaryError
from coder.store import transaction
from coder.users import require

STATUSES = ("draft", "ready", "reviewed")
STATUS_LABELS = {"draft": "concept", "ready": "klaar voor review", "reviewed": "gereviewd"}
# Allowed status changes (staying put is always allowed).
TRANSITIONS = {
    "draft": ("ready",),
    "ready": ("reviewed", "draft"),
    "reviewed": ("draft",),
}
MAX_BODY = 200_000
QUOTE_REF = re.compile(r"\[\[(\d{1,12})\]\]")


# records ----------------------------------------------------------------------
@dataclass(slots=True)
class Version:
    summary_id: int
    version: int
    title: str
    body: str
    status: str
    codes: list[str]
    author: str
    created_at: str
    note: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Summary:
    """A code summary or a finding at its latest version."""

    id: int
    kind: str  # 'code' or 'finding'
    code_id: str | None
    created_by: str
    created_at: str
    current: Version
    comments: int = 0

    @property
    def version(self) -> int:
        return self.current.version

    @property
    def status(self) -> str:
        return self.current.status

    @property
    def body(self) -> str:
        return self.current.body

    @property
    def title(self) -> str:
        return self.current.title

    @property
    def codes(self) -> list[str]:
        return self.current.codes

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "code_id": self.code_id,
            "created_by": self.created_by,
            "created_at": self.created_at,
            "comments": self.comments,
            **{f"current_{k}": v for k, v in self.current.as_dict().items()},
        }


@dataclass(slots=True)
class Comment:
    id: int
    summary_id: int
    version: int
    author: str
    body: str
    created_at: str
    reply_to: int | None = None
    deleted: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _version(row: dict[str, Any]) -> Version:
    return Version(
        summary_id=row["summary_id"],
        version=row["version"],
        title=row["title"],
        body=row["body"],
        status=row["status"],
        codes=json.loads(row["codes"] or "[]"),
        author=row["author"],
        created_at=row["created_at"],
        note=row["note"],
    )


_SUMMARY_SQL = """
    SELECT s.id, s.kind, s.code_id, s.created_by, s.created_at,
           v.summary_id, v.version, v.title, v.body, v.status, v.codes, v.author,
           v.created_at AS version_at, v.note,
           (SELECT count(*) FROM summary_comments m
              WHERE m.summary_id = s.id AND m.deleted_at IS NULL) AS comments
    FROM summaries s
    JOIN summary_versions v ON v.summary_id = s.id
     AND v.version = (SELECT max(version) FROM summary_versions WHERE summary_id = s.id)
    WHERE s.deleted_at IS NULL AND {where}
"""


def _summaries(db: sqlite_utils.Database, where: str, params: list[Any]) -> list[Summary]:
    result = []
    for row in db.query(_SUMMARY_SQL.format(where=where), params):
        current = _version(row | {"created_at": row["version_at"]})
        result.append(
            Summary(
                id=row["id"],
                kind=row["kind"],
                code_id=row["code_id"],
                created_by=row["created_by"],
                created_at=row["created_at"],
                current=current,
                comments=row["comments"],
            )
        )
    return result


def get(db: sqlite_utils.Database, summary_id: int) -> Summary:
    """A summary or finding by its id."""
    found = _summaries(db, "s.id = ?", [summary_id])
    if not found:
        raise NotFoundError(f"summary {summary_id} does not exist")
    return found[0]


def _check_code(db: sqlite_utils.Database, code_id: str) -> None:
    row = db.execute("SELECT is_group FROM codes WHERE id = ?", [code_id]).fetchone()
    if row is None:
        raise NotFoundError(f"unknown code {code_id!r}: see the codes with: coder codebook list")
    if row[0]:
        raise NotFoundError(f"{code_id!r} is a group of codes, not a code")


def _check_text(body: str, what: str = "summary") -> str:
    if not isinstance(body, str):
        raise SummaryError(f"the {what} text must be text")
    if len(body) > MAX_BODY:
        raise SummaryError(f"the {what} is {len(body):,} characters; the limit is {MAX_BODY:,}")
    return body


def _add_version(
    db: sqlite_utils.Database,
    summary_id: int,
    previous: Version | None,
    actor: str,
    *,
    title: str,
    body: str,
    status: str,
    codes: list[str],
    note: str,
) -> None:
    """Append a version and its audit entry (the texts themselves stay in the versions)."""
    version = (previous.version if previous else 0) + 1
    db["summary_versions"].insert(
        {
            "summary_id": summary_id,
            "version": version,
            "title": title,
            "body": body,
            "status": status,
            "codes": json.dumps(codes, ensure_ascii=False),
            "author": actor,
            "created_at": now(),
            "note": note,
        }
    )
    before = (
        {"version": previous.version, "status": previous.status, "title": previous.title}
        if previous
        else None
    )
    after = {"version": version, "status": status, "title": title, "codes": codes, "note": note}
    verb = "create" if previous is None else "status" if note.startswith("status:") else "edit"
    audit.record(db, actor, verb, "summary", summary_id, before, after, label=note)


def _check_expected(summary: Summary, expected_version: int | None) -> None:
    if expected_version is not None and summary.version != expected_version:
        raise ConflictError(
            f"{_what(summary)} was changed meanwhile (now version {summary.version}, you"
            f" edited version {expected_version}): reload and apply your change again"
        )


def _what(summary: Summary) -> str:
    return (
        f"the summary of {summary.code_id}"
        if summary.kind == "code"
        else f"finding {summary.id} ({summary.title})"
    )


def _check_transition(current: str, wanted: str) -> None:
    if wanted not in STATUSES:
        raise SummaryError(f"unknown status {wanted!r}: choose one of {', '.join(STATUSES)}")
    if wanted != current and wanted not in TRANSITIONS[current]:
        allowed = ", ".join(TRANSITIONS[current])
        raise SummaryError(
            f"a {current} text cannot become {wanted} directly; from {current} it can go to:"
            f" {allowed}"
        )


def _edited_status(current: str, changed: bool) -> tuple[str, str]:
    """Editing a text under review sends it back to draft: a review covers what was read."""
    if changed and current != "draft":
        return "draft", f"edited while {current}: back to draft"
    return current, "edited"


# code summaries -----------------------------------------------------------------
def summary(db: sqlite_utils.Database, code_id: str) -> Summary | None:
    """The summary of a code, or None when nobody has written one yet."""
    _check_code(db, code_id)
    found = _summaries(db, "s.kind = 'code' AND s.code_id = ?", [code_id])
    return found[0] if found else None


def summaries(db: sqlite_utils.Database) -> list[Summary]:
    """Every code summary (at its latest version)."""
    return _summaries(db, "s.kind = 'code'", [])


def save_summary(
    db: sqlite_utils.Database,
    actor: str,
    code_id: str,
    body: str,
    *,
    expected_version: int | None = None,
    note: str = "",
) -> Summary:
    """Save a new version of a code's summary (the first save creates it, as draft).

    ``expected_version`` is the version the writer started from: if someone saved
    in between, :class:`ConflictError` instead of overwriting their text.
    Editing a summary that is ready or reviewed sends it back to draft.
    """
    body = _check_text(body)
    with transaction(db):
        require(db, actor, "write")
        _check_code(db, code_id)
        current = _summaries(db, "s.kind = 'code' AND s.code_id = ?", [code_id])
        if not current:
            if expected_version not in (None, 0):
                raise ConflictError(f"the summary of {code_id} no longer exists: reload")
            summary_id = (
                db["summaries"]
                .insert(
                    {
                        "kind": "code",
                        "code_id": code_id,
                        "created_by": actor,
                        "created_at": now(),
                    }
                )
                .last_pk
            )
            _add_version(
                db,
                summary_id,
                None,
                actor,
                title="",
                body=body,
                status="draft",
                codes=[code_id],
                note=note or "created",
            )
            return get(db, summary_id)
        existing = current[0]
        _check_expected(existing, expected_version)
        if body == existing.body:
            return existing
        status, default_note = _edited_status(existing.status, True)
        _add_version(
            db,
            existing.id,
            existing.current,
            actor,
            title=existing.title,
            body=body,
            status=status,
            codes=existing.codes,
            note=note or default_note,
        )
        return get(db, existing.id)


def set_summary_status(
    db: sqlite_utils.Database,
    actor: str,
    code_id: str,
    status: str,
    *,
    expected_version: int | None = None,
) -> Summary:
    """Move a code summary through review (a new version with the same text)."""
    with transaction(db):
        require(db, actor, "write")
        existing = summary(db, code_id)
        if existing is None:
            raise NotFoundError(f"{code_id} has no summary yet: write one first")
        return _set_status(db, actor, existing, status, expected_version)


def _set_status(
    db: sqlite_utils.Database,
    actor: str,
    existing: Summary,
    status: str,
    expected_version: int | None,
) -> Summary:
    _check_expected(existing, expected_version)
    _check_transition(existing.status, status)
    if status == existing.status:
        return existing
    _add_version(
        db,
        existing.id,
        existing.current,
        actor,
        title=existing.title,
        body=existing.body,
        status=status,
        codes=existing.codes,
        note=f"status: {existing.status} -> {status}",
    )
    return get(db, existing.id)


def history(db: sqlite_utils.Database, summary_id: int) -> list[Version]:
    """Every version of a summary or finding, oldest first."""
    get(db, summary_id)
    return [
        _version(row)
        for row in db.query(
            "SELECT * FROM summary_versions WHERE summary_id = ? ORDER BY version", [summary_id]
        )
    ]


def diff(db: sqlite_utils.Database, summary_id: int, a: int, b: int) -> str:
    """A unified diff of the text of two versions."""
    versions = {v.version: v for v in history(db, summary_id)}
    for n in (a, b):
        if n not in versions:
            raise NotFoundError(
                f"summary {summary_id} has no version {n}; it has 1 to {max(versions)}"
            )
    return "\n".join(
        difflib.unified_diff(
            versions[a].body.splitlines(),
            versions[b].body.splitlines(),
            f"version {a}",
            f"version {b}",
            lineterm="",
        )
    )


# findings -----------------------------------------------------------------------
def _check_codes(db: sqlite_utils.Database, code_ids: list[str]) -> list[str]:
    wanted = list(dict.fromkeys(code_ids))
    for code_id in wanted:
        _check_code(db, code_id)
    return wanted


def create_finding(
    db: sqlite_utils.Database,
    actor: str,
    title: str,
    body: str = "",
    codes: list[str] | tuple[str, ...] = (),
) -> Summary:
    """Write down an observation that spans codes (draft, version 1)."""
    title = (title or "").strip()
    if not title:
        raise SummaryError("a finding needs a title")
    body = _check_text(body, "finding")
    with transaction(db):
        require(db, actor, "write")
        wanted = _check_codes(db, list(codes))
        finding_id = (
            db["summaries"]
            .insert({"kind": "finding", "created_by": actor, "created_at": now()})
            .last_pk
        )
        _add_version(
            db,
            finding_id,
            None,
            actor,
            title=title,
            body=body,
            status="draft",
            codes=wanted,
            note="created",
        )
        return get(db, finding_id)


def finding(db: sqlite_utils.Database, finding_id: int) -> Summary:
    found = _summaries(db, "s.kind = 'finding' AND s.id = ?", [finding_id])
    if not found:
        raise NotFoundError(f"finding {finding_id} does not exist")
    return found[0]


def findings(
    db: sqlite_utils.Database, *, code_id: str | None = None, status: str | None = None
) -> list[Summary]:
    """Findings, newest first; optionally only those about a code or in a status."""
    found = _summaries(db, "s.kind = 'finding'", [])
    if code_id is not None:
        found = [f for f in found if code_id in f.codes]
    if status is not None:
        found = [f for f in found if f.status == status]
    return sorted(found, key=lambda f: f.id, reverse=True)


def save_finding(
    db: sqlite_utils.Database,
    actor: str,
    finding_id: int,
    *,
    title: str | None = None,
    body: str | None = None,
    codes: list[str] | None = None,
    expected_version: int | None = None,
) -> Summary:
    """Save a new version of a finding (only the fields given change)."""
    with transaction(db):
        require(db, actor, "write")
        existing = finding(db, finding_id)
        _check_expected(existing, expected_version)
        new_title = existing.title if title is None else title.strip()
        if not new_title:
            raise SummaryError("a finding needs a title")
        new_body = existing.body if body is None else _check_text(body, "finding")
        new_codes = existing.codes if codes is None else _check_codes(db, codes)
        changed = (new_title, new_body, new_codes) != (
            existing.title,
            existing.body,
            existing.codes,
        )
        if not changed:
            return existing
        status, note = _edited_status(existing.status, True)
        _add_version(
            db,
            existing.id,
            existing.current,
            actor,
            title=new_title,
            body=new_body,
            status=status,
            codes=new_codes,
            note=note,
        )
        return get(db, existing.id)


def set_finding_status(
    db: sqlite_utils.Database,
    actor: str,
    finding_id: int,
    status: str,
    *,
    expected_version: int | None = None,
) -> Summary:
    with transaction(db):
        require(db, actor, "write")
        return _set_status(db, actor, finding(db, finding_id), status, expected_version)


# comments -----------------------------------------------------------------------
def add_comment(
    db: sqlite_utils.Database,
    actor: str,
    summary_id: int,
    body: str,
    *,
    reply_to: int | None = None,
) -> Comment:
    """Comment on a summary or finding (everyone, the steering group included).

    The comment records the version it was written on, so a later reader sees
    whether the text changed since.
    """
    body = (body or "").strip()
    if not body:
        raise SummaryError("the comment is empty")
    _check_text(body, "comment")
    with transaction(db):
        require(db, actor, "comment")
        current = get(db, summary_id)
        if reply_to is not None:
            parent = db.execute(
                "SELECT summary_id FROM summary_comments WHERE id = ?", [reply_to]
            ).fetchone()
            if parent is None or parent[0] != summary_id:
                raise NotFoundError(f"comment {reply_to} is not a comment on this text")
        comment_id = (
            db["summary_comments"]
            .insert(
                {
                    "summary_id": summary_id,
                    "version": current.version,
                    "author": actor,
                    "body": body,
                    "created_at": now(),
                    "reply_to": reply_to,
                }
            )
            .last_pk
        )
        audit.record(
            db,
            actor,
            "create",
            "comment",
            comment_id,
            None,
            {"summary_id": summary_id, "version": current.version, "body": body},
        )
    return next(c for c in comments(db, summary_id) if c.id == comment_id)


def comments(
    db: sqlite_utils.Database, summary_id: int, *, include_deleted: bool = False
) -> list[Comment]:
    """The comments on a summary or finding, oldest first."""
    return [
        Comment(
            id=row["id"],
            summary_id=row["summary_id"],
            version=row["version"],
            author=row["author"],
            body=row["body"],
            created_at=row["created_at"],
            reply_to=row["reply_to"],
            deleted=row["deleted_at"] is not None,
        )
        for row in db.query(
            "SELECT * FROM summary_comments WHERE summary_id = ?"
            + ("" if include_deleted else " AND deleted_at IS NULL")
            + " ORDER BY id",
            [summary_id],
        )
    ]


def delete_comment(db: sqlite_utils.Database, actor: str, comment_id: int) -> None:
    """Withdraw one's own comment (an admin may withdraw any); it stays in the database."""
    with transaction(db):
        who = require(db, actor, "comment")
        row = db.execute(
            "SELECT author, deleted_at FROM summary_comments WHERE id = ?", [comment_id]
        ).fetchone()
        if row is None or row[1] is not None:
            raise NotFoundError(f"comment {comment_id} does not exist or was withdrawn")
        if row[0] != actor and who != "admin":
            raise PermissionDenied(f"comment {comment_id} is {row[0]}'s; you can withdraw yours")
        db.execute("UPDATE summary_comments SET deleted_at = ? WHERE id = ?", [now(), comment_id])
        audit.record(db, actor, "delete", "comment", comment_id, label="comment withdrawn")


# key quotes ---------------------------------------------------------------------
@dataclass(slots=True)
class KeyQuote:
    id: int
    code_id: str
    coding_id: int
    note: str
    marked_by: str
    marked_at: str
    fragment: Any = None  # coder.analysis.Fragment, None when its coding is gone

    def as_dict(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in ("id", "code_id", "coding_id", "note")}
        data |= {"marked_by": self.marked_by, "marked_at": self.marked_at}
        data["fragment"] = self.fragment.as_dict() if self.fragment is not None else None
        return data


def mark_key_quote(
    db: sqlite_utils.Database,
    actor: str,
    coding_id: int,
    *,
    code_id: str | None = None,
    note: str = "",
) -> KeyQuote:
    """Mark a coding as a key quote of its code (or of ``code_id``; default: its own code)."""
    with transaction(db):
        require(db, actor, "write")
        row = db.execute(
            "SELECT code_id, deleted_at FROM codings WHERE id = ?", [coding_id]
        ).fetchone()
        if row is None or row[1] is not None:
            raise NotFoundError(f"coding {coding_id} does not exist or was deleted")
        code_id = code_id or row[0]
        _check_code(db, code_id)
        exists = db.execute(
            "SELECT id FROM key_quotes WHERE code_id = ? AND coding_id = ? AND removed_at IS NULL",
            [code_id, coding_id],
        ).fetchone()
        if exists is None:
            quote_id = (
                db["key_quotes"]
                .insert(
                    {
                        "code_id": code_id,
                        "coding_id": coding_id,
                        "note": note,
                        "marked_by": actor,
                        "marked_at": now(),
                    }
                )
                .last_pk
            )
            after = {"code_id": code_id, "coding_id": coding_id, "note": note}
            audit.record(db, actor, "create", "key_quote", quote_id, None, after)
    return next(q for q in key_quotes(db, code_id) if q.coding_id == coding_id)


def unmark_key_quote(
    db: sqlite_utils.Database, actor: str, coding_id: int, *, code_id: str | None = None
) -> bool:
    """Take a coding off a code's key quotes; False when it was not one."""
    with transaction(db):
        require(db, actor, "write")
        if code_id is None:
            row = db.execute("SELECT code_id FROM codings WHERE id = ?", [coding_id]).fetchone()
            if row is None:
                raise NotFoundError(f"coding {coding_id} does not exist")
            code_id = row[0]
        row = db.execute(
            "SELECT id, note FROM key_quotes WHERE code_id = ? AND coding_id = ?"
            " AND removed_at IS NULL",
            [code_id, coding_id],
        ).fetchone()
        if row is None:
            return False
        db.execute(
            "UPDATE key_quotes SET removed_at = ?, removed_by = ? WHERE id = ?",
            [now(), actor, row[0]],
        )
        before = {"code_id": code_id, "coding_id": coding_id, "note": row[1]}
        audit.record(db, actor, "delete", "key_quote", row[0], before, None)
        return True


def key_quotes(db: sqlite_utils.Database, code_id: str) -> list[KeyQuote]:
    """A code's key quotes with their fragments (organisation, page, context), by organisation."""
    from coder.analysis import fragments_by_id

    rows = list(
        db.query(
            "SELECT * FROM key_quotes WHERE code_id = ? AND removed_at IS NULL ORDER BY id",
            [code_id],
        )
    )
    found = fragments_by_id(db, [r["coding_id"] for r in rows])
    quotes = [
        KeyQuote(
            id=r["id"],
            code_id=r["code_id"],
            coding_id=r["coding_id"],
            note=r["note"],
            marked_by=r["marked_by"],
            marked_at=r["marked_at"],
            fragment=found.get(r["coding_id"]),
        )
        for r in rows
    ]
    return sorted(
        quotes,
        key=lambda q: (
            q.fragment is None,
            q.fragment.organisation.casefold() if q.fragment else "",
            q.fragment.start if q.fragment else 0,
        ),
    )


# Markdown -----------------------------------------------------------------------
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
#: CommonMark's specials and ``$`` (Streamlit's Markdown reads ``$...$`` as LaTeX)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def render_markdown(text: str) -> str:
    """Markdown to HTML that is safe to embed: raw HTML is escaped, never passed through.

    markdown-it-py with ``html`` off escapes tags in the text, and its link
    validation drops ``javascript:``, ``vbscript:`` and ``data:`` (except images)
    URLs, so a summary cannot inject script into a report or the app.

    >>> render_markdown("**Vrijwilligers** <script>alert(1)</script>")
    '<p><strong>Vrijwilligers</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\\n'
    """
    return _MARKDOWN.render(text or "")


def quote_refs(body: str) -> list[int]:
    """The coding ids a text cites as ``[[123]]``, in order of first mention."""
    return list(dict.fromkeys(int(m) for m in QUOTE_REF.findall(body or "")))


def escape_markdown(text: str) -> str:
    """Text shown literally in Markdown, in reports and in the app (a fragment from a plan
    or a memo is not Markdown, and must not become markup or a formula)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def expand_quotes(db: sqlite_utils.Database, body: str) -> str:
    """Replace each ``[[coding id]]`` by the quote, its organisation and page (Markdown).

    A reference to a coding that is gone stays visible as "(citaat N niet gevonden)".
    """
    from coder.analysis import fragments_by_id

    found = fragments_by_id(db, quote_refs(body))

    def replace(match: re.Match[str]) -> str:
        fragment = found.get(int(match.group(1)))
        if fragment is None:
            return f"(citaat {match.group(1)} niet gevonden)"
        source = (
            f"{escape_markdown(fragment.organisation)}, p. {escape_markdown(fragment.page_name)}"
        )
        return f"\n\n> “{escape_markdown(fragment.text)}”\n> — {source}\n\n"

    return QUOTE_REF.sub(replace, body or "")
