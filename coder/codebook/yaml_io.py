"""The codebook as a YAML file: the form people edit by hand and keep in git.

A file is a mapping with ``codes``: a list of codes, each a mapping of the fields
below; a code's ``codes`` are its subcodes (the nesting is the hierarchy), and a
top-level entry may instead name its ``parent``. Reading reports every problem in
one go (structure first, then :func:`coder.codebook.model.validate`), each naming
the code and the field, so one edit round fixes a file.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from coder.codebook.model import Code, default_guid, normalise_guid, ordered, validate
from coder.errors import CodebookError

FORMAT = "coder-codebook/1"
TEXT_FIELDS = ("id", "name", "short_name", "colour", "definition", "inclusion", "exclusion")
CODE_FIELDS = (*TEXT_FIELDS, "group", "parent", "guid", "examples", "codes")
TOP_FIELDS = ("format", "codes")
#: a codebook of hundreds of codes is well under 1 MB; a larger file is not one
MAX_CODEBOOK_BYTES = 10 * 1024 * 1024


class _Loader(yaml.SafeLoader):
    """Safe YAML without aliases: a codebook never needs ``*name``, and aliases nested
    in aliases let a few hundred bytes expand to billions of nodes (a YAML bomb)."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in a codebook", event.start_mark
            )
        return super().compose_node(parent, index)


def read_yaml(path: str | Path) -> list[Code]:
    """The codes of a codebook file, validated; :class:`CodebookError` lists all problems."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_CODEBOOK_BYTES:
            raise CodebookError(
                str(path), [f"larger than the {MAX_CODEBOOK_BYTES // 1024**2} MB a codebook may be"]
            )
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError(str(path), [f"cannot read the file ({exc})"]) from exc
    return parse_yaml(text, str(path))


def parse_yaml(text: str, source: str = "codebook") -> list[Code]:
    """Parse and validate codebook YAML; ``source`` names the file in messages."""
    try:
        data = yaml.load(text, Loader=_Loader)  # a SafeLoader, without aliases
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        raise CodebookError(source, [f"{where}not valid YAML ({reason})"]) from exc
    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("codes"), list):
        raise CodebookError(
            source, ["the file must be a mapping with a list under 'codes:' (see README.md)"]
        )
    for key in data:
        if key not in TOP_FIELDS:
            problems.append(f"top level: unknown field {key!r}{_did_you_mean(key, TOP_FIELDS)}")
    if data.get("format", FORMAT) != FORMAT:
        problems.append(f"top level: format {data['format']!r} is not {FORMAT!r}")
    codes: list[Code] = []
    _read_codes(data["codes"], None, "codes", codes, problems)
    problems.extend(validate(codes))
    if problems:
        raise CodebookError(source, problems)
    return ordered(codes)


def _did_you_mean(key: object, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(key), choices, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _read_codes(
    items: list[Any], parent: str | None, path: str, out: list[Code], problems: list[str]
) -> None:
    """Walk one level of ``codes:`` lists, appending codes and structural problems."""
    for position, item in enumerate(items):
        where = f"{path}[{position + 1}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: each code must be a mapping with id, name, definition, ...")
            continue
        raw_id = item.get("id")
        if isinstance(raw_id, str | int) and str(raw_id).strip():
            where = f"code {str(raw_id).strip()!r}"
        values: dict[str, Any] = {}
        for key, value in item.items():
            if key not in CODE_FIELDS:
                problems.append(f"{where}: unknown field {key!r}{_did_you_mean(key, CODE_FIELDS)}")
            elif key in TEXT_FIELDS or key in ("parent", "guid"):
                text = _text(value)
                if text is None and key == "colour" and value is None:
                    problems.append(
                        f'{where}: colour is empty; quote it, e.g. colour: "#2e6f95"'
                        " (an unquoted # starts a YAML comment)"
                    )
                elif text is None:
                    problems.append(f"{where}: {key} must be text")
                else:
                    values[key] = text
        examples = item.get("examples", [])
        if isinstance(examples, str | int | float) and not isinstance(examples, bool):
            examples = [examples]
        if not isinstance(examples, list) or any(_text(e) is None for e in examples):
            problems.append(f"{where}: examples must be a list of sentences")
            examples = []
        group = item.get("group", False)
        if not isinstance(group, bool):
            problems.append(f"{where}: group must be true or false")
            group = False
        declared_parent = values.pop("parent", None)
        if parent is not None and declared_parent not in (None, parent):
            problems.append(
                f"{where}: parent {declared_parent!r} contradicts its place under {parent!r}"
            )
        guid = values.pop("guid", "")
        if guid and normalise_guid(guid):
            guid = normalise_guid(guid)
        code = Code(
            id=values.pop("id", ""),
            name=values.pop("name", ""),
            parent_id=parent if parent is not None else declared_parent,
            colour=values.pop("colour", None),
            examples=[str(_text(e)) for e in examples],
            is_group=group,
            sort_order=position,
            guid=guid,
            **values,
        )
        out.append(code)
        children = item.get("codes")
        if children is None:
            continue
        if not isinstance(children, list):
            problems.append(f"{where}: codes (the subcodes) must be a list")
        elif code.id:
            _read_codes(children, code.id, f"{where} > codes", out, problems)
        else:
            problems.append(f"{where}: subcodes need their parent's id")


def _text(value: Any) -> str | None:
    """Strings stripped; numbers accepted as text (an id like 2025); anything else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        return str(value).strip()
    return None


class _Dumper(yaml.SafeDumper):
    """Indented lists, folded long text, literal multi-line text: a file people read."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else (">" if len(value) > 72 else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)

HEADER = """\
# coder codebook ({format}). Edit, then load with: coder codebook load FILE
# Fields per code: id (stable, never change it), name, short_name, colour ("#RRGGBB"),
# group (true: a heading, not codable), definition, inclusion, exclusion, examples,
# codes (subcodes). See README.md, section Codebook.
"""


def dump_yaml(codes: list[Code], *, comment: str = "") -> str:
    """The codebook as YAML that :func:`parse_yaml` reads back to the same codes.

    Empty fields are left out, and the GUID only when it is not the one derived
    from the id, so a file stays short and diffs in git show real changes.
    """
    codes = ordered(codes)
    children: dict[str | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)

    def entry(code: Code) -> dict[str, Any]:
        data: dict[str, Any] = {"id": code.id, "name": code.name}
        if code.short_name:
            data["short_name"] = code.short_name
        if code.is_group:
            data["group"] = True
        if code.colour:
            data["colour"] = code.colour
        if code.guid and code.guid != default_guid(code.id):
            data["guid"] = code.guid
        for key in ("definition", "inclusion", "exclusion"):
            if getattr(code, key):
                data[key] = getattr(code, key)
        if code.examples:
            data["examples"] = list(code.examples)
        if code.id in children:
            data["codes"] = [entry(child) for child in children[code.id]]
        return data

    body = yaml.dump(
        {"format": FORMAT, "codes": [entry(code) for code in children.get(None, [])]},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=96,
    )
    header = HEADER.format(format=FORMAT)
    if comment:
        header += "".join(f"# {line}\n" for line in comment.splitlines())
    return header + body
