"""The checker's rules as relations between concepts (`_concepts.Reading`).

Each function reads one folded reply and gives the spans where a rule holds: an action on a
review (a review near a change, a rating near a raise, a praised review asked for, a change to
"it" after a review's mention), an incentive tied to one by an exchange, accusations, blame,
threats and insults, and review gating. The checker adds them to the phrase patterns' spans.

One module per family of rules (`actions`, `solicit`, `accusations` with `accused`, `blame`
with its cues, `defiance`, `outcomes`, `hindsight` and `seller_side`, `threats` with
`sent_down`, `gating` with `reserved`, `pressure`, `personal` for addresses, download links
and health), the harmless readings that take a finding back (`permissions`, `exemptions`) and
the span helpers they share (`spans`);
this module gathers what the checker reads.
"""

from __future__ import annotations

from reviewwatch.triage._relations.accusations import (
    accusations,
    recourse,
    settled_permission,
    your_recourse,
)
from reviewwatch.triage._relations.acknowledged import acknowledged
from reviewwatch.triage._relations.actions import (
    asks,
    insisted,
    lowered,
    praise_asks,
    pressures,
    raises,
    refer,
    referred_changes,
    reflected,
    reported,
    reported_changes,
    review_actions,
    review_mentions,
)
from reviewwatch.triage._relations.blame import blame, blame_grounds
from reviewwatch.triage._relations.blame_cues import (
    amends,
    bare_denials,
    cited_errors,
    cited_guides,
    denial_causes,
    disowned_faults,
    expected_outcomes,
    others_fine,
    own_checks,
    own_errors,
    own_sides,
    regret_turned,
    regrets,
    reviewer_acts,
    unexcused,
    unfelt_wrong_details,
)
from reviewwatch.triage._relations.deals import deals
from reviewwatch.triage._relations.defiance import against_cautions, cautions, went_against
from reviewwatch.triage._relations.exemptions import (
    denied_codes,
    failed_codes,
    no_strings,
    observed,
    undenied,
    warning,
)
from reviewwatch.triage._relations.gating import (
    gating,
    group_gating,
    held,
    held_until,
    mood_gating,
    mood_groups,
    mood_questions,
    still_up,
)
from reviewwatch.triage._relations.hindsight import late_arrivals
from reviewwatch.triage._relations.outcomes import natural_outcomes, omitted_steps
from reviewwatch.triage._relations.permissions import (
    done_in_sentence,
    made,
    permitted,
    told,
    traded,
)
from reviewwatch.triage._relations.personal import (
    addresses,
    card_details,
    download_links,
    health_details,
    open_street,
    visit_details,
)
from reviewwatch.triage._relations.pressure import (
    chased,
    chased_then_pressed,
    demands,
    deserved,
    harmed_then_demanded,
    named_harms,
    nudges,
    pushes,
    rated_asks,
    repeated_contacts,
    review_harms,
    topped,
)
from reviewwatch.triage._relations.reserved import reserved
from reviewwatch.triage._relations.solicit import exchanges, promotions, solicits
from reviewwatch.triage._relations.threats import (
    confronts,
    data_held,
    legal_services,
    no_part,
    scorned,
    threats,
)

__all__ = [
    "accusations",
    "acknowledged",
    "addresses",
    "against_cautions",
    "amends",
    "asks",
    "bare_denials",
    "blame",
    "blame_grounds",
    "card_details",
    "cautions",
    "chased",
    "chased_then_pressed",
    "cited_errors",
    "cited_guides",
    "confronts",
    "data_held",
    "deals",
    "demands",
    "denial_causes",
    "denied_codes",
    "deserved",
    "disowned_faults",
    "done_in_sentence",
    "download_links",
    "exchanges",
    "expected_outcomes",
    "failed_codes",
    "gating",
    "group_gating",
    "harmed_then_demanded",
    "health_details",
    "held",
    "held_until",
    "insisted",
    "late_arrivals",
    "legal_services",
    "lowered",
    "made",
    "mood_gating",
    "mood_groups",
    "mood_questions",
    "named_harms",
    "natural_outcomes",
    "no_part",
    "no_strings",
    "nudges",
    "observed",
    "omitted_steps",
    "open_street",
    "others_fine",
    "own_checks",
    "own_errors",
    "own_sides",
    "permitted",
    "praise_asks",
    "pressures",
    "promotions",
    "pushes",
    "raises",
    "rated_asks",
    "recourse",
    "refer",
    "referred_changes",
    "reflected",
    "regret_turned",
    "regrets",
    "repeated_contacts",
    "reported",
    "reported_changes",
    "reserved",
    "review_actions",
    "review_harms",
    "review_mentions",
    "reviewer_acts",
    "scorned",
    "settled_permission",
    "solicits",
    "still_up",
    "threats",
    "told",
    "topped",
    "traded",
    "undenied",
    "unexcused",
    "unfelt_wrong_details",
    "visit_details",
    "warning",
    "went_against",
    "your_recourse",
]
