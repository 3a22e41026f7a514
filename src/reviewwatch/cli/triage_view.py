"""How triage reads on a terminal: what the review is about, what to do, what to say."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from reviewwatch.cli.render import local_time, safe
from reviewwatch.store import from_text


def print_triage(console: Console, triage: Mapping[str, Any], zone: str) -> None:
    """The triage section of `show` and of the reply desk."""
    language = triage.get("detected_language")
    if language:
        confidence = triage.get("language_confidence") or 0
        console.print(
            Text("Language  ", style="bold"), safe(f"{language} ({confidence:.0%} sure)"), sep=""
        )
    evidence: Mapping[str, Sequence[str]] = triage.get("category_evidence") or {}
    about = "; ".join(
        f"{name} ({', '.join(words[:3])})" if words else name for name, words in evidence.items()
    )
    console.print(Text("About     ", style="bold"), safe(about or "nothing specific found"), sep="")
    grounds = triage.get("removal_grounds") or []
    if grounds:
        console.print(Text("May be reported for breaking the platform's rules:", style="bold"))
        for ground in grounds:
            console.print(safe(f"  - {ground['ground']}: {ground['how_to_file']}"))
            console.print(safe(f"    rule: {ground['policy']}"), style="dim")
    else:
        console.print(
            Text("Removal   ", style="bold"),
            safe("no ground to report it: answer it instead (a negative review is not a ground)"),
            sep="",
        )
    print_steps(console, triage.get("next_steps") or [], zone)
    reply = triage.get("suggested_reply")
    if reply:
        console.print()
        console.print(Text(f"Suggested reply ({triage.get('reply_language')}):", style="bold"))
        console.print(safe(reply))


def print_steps(console: Console, steps: Sequence[Mapping[str, Any]], zone: str) -> None:
    console.print(Text("Next steps", style="bold"))
    for number, step in enumerate(steps, start=1):
        deadline = step.get("deadline")
        by = f" (by {local_time(from_text(deadline), zone)})" if deadline else ""
        console.print(safe(f"  {number}. {step['action']}{by}"))
        if step.get("why"):
            console.print(safe(f"     why: {step['why']}"), style="dim")
