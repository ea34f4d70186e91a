"""Who said what: every quotation in the bundled corpus by speaker, and who is
mentioned where, through names, titles and pronouns alike.

Run it as it is: ``python examples/who_said_what.py``.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import natojp
from natojp.people import default_registry


def main() -> None:
    corpus = natojp.load_corpus()
    registry = default_registry()

    said: defaultdict[str, list[str]] = defaultdict(list)
    for doc in corpus:
        for quote in doc.quotes:
            who = quote.speaker or "(no attribution)"
            said[who].append(f"{doc.date} {quote.cue or '-':10} “{quote.span.of(doc.text)[:60]}”")
    for who, lines in sorted(said.items(), key=lambda item: -len(item[1])):
        print(f"{who} ({len(lines)})")
        for line in lines:
            print(f"  {line}")

    print("\nWho is mentioned where (and how)")
    for doc in corpus:
        people = Counter(m.person_id for m in doc.mentions if m.person_id)
        names = ", ".join(
            f"{registry[pid].name if pid in registry else pid} ×{n}"
            for pid, n in people.most_common()
        )
        print(f"  {doc.id:36} {names}")
    methods = Counter(m.method for doc in corpus for m in doc.mentions)
    print(f"\nresolved by: {dict(methods.most_common())}")


if __name__ == "__main__":
    main()
