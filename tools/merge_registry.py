"""Merge researched office holders into natojp's bundled registry.

The researched files are ``tests/data/registry_candidates*.json``: each role there
cites the page its dates were checked against (URL, page title and a verbatim
excerpt). This script folds them into ``src/natojp/data/people.json`` and
refuses what would make the registry wrong: an end before a start, a role
without a source, an unknown title.
Each role keeps its source (URL, page title, excerpt); ``Role.source`` is the URL.

Run from the project root, then review the diff::

    python tools/merge_registry.py tests/data/registry_candidates_3*.json

It is idempotent: a role already in the registry (same title, organisation and
start) is not added twice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REGISTRY = ROOT / "src" / "natojp" / "data" / "people.json"

#: Titles the researchers wrote that natojp files under another: China's
#: "Premier" is its head of government, a Prime Minister.
SAME_TITLE = {"Premier": "Prime Minister"}
#: Organisations' names for their holders' home country (East Asian names are
#: written family name first, so the family name is the first word).
FAMILY_FIRST = {"China", "South Korea"}
#: Place names that are as often a person's given name or surname.
NOT_PLACES = {"Sofia", "Wellington", "Victoria", "Lincoln"}
#: What may follow a family name: "Jr.", "III".
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
#: A monarch's titles: the regnal name ("Philippe", "Charles III") is what texts
#: put after the title, and stands for the family name.
MONARCHS = {"King", "Queen", "Emperor", "Grand Duke"}
#: Forms of a title that name other countries' offices as well ("the Permanent
#: Representative to the United Nations" of any member).
NOT_TITLE_FORMS = {
    "Permanent Representative to the United Nations",
    "UN Ambassador",
    "U.N. Ambassador",
}
#: Titles that exist only for new roles, with the forms texts write them in.
NEW_TITLES = {"Emperor": ["Emperor"], "Grand Duke": ["Grand Duke"]}


def _day(value: str | None, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        sys.exit(f"{where}: not an ISO date: {value!r}")


def _merge_list(into: list[str], more: list[str], *, drop: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    seen = {x.casefold() for x in into}
    for item in more:
        if item not in drop and item.casefold() not in seen:
            into.append(item)
            seen.add(item.casefold())


def _regnal(name: str, people: list[dict[str, Any]]) -> str:
    """A monarch's regnal name ("Philippe" of "Philippe of Belgium", "Charles
    III"); the whole name where the regnal name alone is someone else's given
    name ("Jean" of "Jean, Grand Duke of Luxembourg": Jean Chrétien), so that a
    bare given name never stands for the monarch."""
    regnal = name.split(",")[0].split(" of ")[0].strip()
    given = {p["name"].split()[0] for p in people if p["name"] != name}
    if " " not in regnal and regnal in given:
        return name
    return regnal


def merge(registry: dict[str, Any], candidates: dict[str, Any], where: str) -> tuple[int, int]:
    """Fold one researched file into ``registry``; return (people, roles) added."""
    titles: dict[str, list[str]] = registry["titles"]
    for title, forms in {**NEW_TITLES, **candidates.get("titles", {})}.items():
        title = SAME_TITLE.get(title, title)
        forms = [title, *(f for f in forms if f != "Premier" and f not in NOT_TITLE_FORMS)]
        _merge_list(titles.setdefault(title, []), forms)
    organisations: dict[str, list[str]] = registry["organisations"]
    for org, words in candidates.get("organisations", {}).items():
        _merge_list(organisations.setdefault(org, []), words, drop=NOT_PLACES)
    by_id = {p["id"]: p for p in registry["people"]}
    added_people = added_roles = 0
    for person in candidates["people"]:
        pid = person["id"]
        roles = []
        for role in person["roles"]:
            here = f"{where}: {pid}"
            title = SAME_TITLE.get(role["title"], role["title"])
            if title not in titles:
                sys.exit(f"{here}: unknown title {title!r}; add it to the file's 'titles'")
            source = role.get("source") or {}
            if not (source.get("url") and source.get("quote")):
                sys.exit(f"{here}: a role without a source (url and quote)")
            start, end = _day(role.get("start"), here), _day(role.get("end"), here)
            if start is None or (end is not None and end <= start):
                sys.exit(f"{here}: bad dates {role.get('start')}..{role.get('end')}")
            entry = {"title": title, "organisation": role["organisation"], "start": str(start)}
            if end is not None:
                entry["end"] = str(end)
            entry["source"] = {k: source[k] for k in ("url", "title", "quote") if k in source}
            roles.append(entry)
        known = by_id.get(pid)
        if known is None:
            known = {"id": pid, "name": person["name"]}
            if person.get("gender") in ("m", "f"):
                known["gender"] = person["gender"]
            aliases = [a for a in person.get("aliases", []) if a != person["name"]]
            if aliases:
                known["aliases"] = aliases
            if any(r["organisation"] in FAMILY_FIRST for r in roles) and " " in person["name"]:
                known["family"] = person["name"].split()[0]
            words = person["name"].split()
            if len(words) > 2 and words[-1].rstrip(".").casefold() in SUFFIXES:
                known["family"] = words[-2].rstrip(",")  # "Robert F. Kennedy Jr.": Kennedy
            if any(r["title"] in MONARCHS for r in roles):
                known["family"] = _regnal(person["name"], registry["people"])
            known["roles"] = []
            registry["people"].append(known)
            by_id[pid] = known
            added_people += 1
        have = {(r["title"], r.get("organisation"), r.get("start")) for r in known["roles"]}
        for entry in roles:
            if (entry["title"], entry["organisation"], entry["start"]) not in have:
                known["roles"].append(entry)
                added_roles += 1
    return added_people, added_roles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path, help="researched candidate files")
    args = parser.parse_args()
    registry = json.loads(REGISTRY.read_text(encoding="utf-8"))
    for path in args.files:
        candidates = json.loads(path.read_text(encoding="utf-8"))
        people, roles = merge(registry, candidates, path.name)
        print(f"{path.name}: {people} people and {roles} roles added")
    REGISTRY.write_text(json.dumps(registry, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{REGISTRY.relative_to(ROOT)}: {len(registry['people'])} people")


if __name__ == "__main__":
    main()
