"""The help shown beside each step: why it matters and what good looks like.

Drawn from common SLA practice; marked for translation. Each text is a few
short paragraphs of plain HTML.
"""

from __future__ import annotations

from wizard.core.steps import Step
from wizard.i18n import N_, _

_HELP: dict[Step, tuple[str, ...]] = {
    Step.BASICS: (
        N_("A Service Level Agreement says what a provider delivers, how well, and what "
           "happens when it falls short. Short and specific beats long: a good SLA is a few "
           "pages."),
        N_("Choose the type that fits: <b>customer-based</b> (one customer, all the services "
           "it uses), <b>service-based</b> (one service, the same terms for every customer), "
           "<b>multi-level</b> (global terms, then per customer group, then per service) or "
           "<b>internal</b> (between two departments: no fees, escalation and review "
           "instead)."),
        N_("The contract language and currency are independent of the language of this "
           "program: write in your client's language."),
        N_("The <b>commitment</b> says how firmly the service levels are promised. \"Meets "
           "the service levels\" is a firm promise, the one customers expect: a missed level "
           "is a failure to do what was promised, which service credits and termination for "
           "chronic failure build on. \"Uses commercially reasonable efforts to meet them\" "
           "promises the effort, not the result; it is usual in internal agreements and in "
           "public cloud terms."),
    ),
    Step.PARTIES: (
        N_("Name both parties exactly as they are registered, with the address where notices "
           "go. For an internal SLA the parties are departments of one company."),
        N_("The signatories are the people with the authority to sign; their names and "
           "titles appear in the signature block."),
    ),
    Step.STAKEHOLDERS: (
        N_("Say who does what. Each contact has a role and responsibilities, and the "
           "escalation level says who takes over when a problem is not solved: 1 is the "
           "first line, 2 the next, and so on; 0 means not in the escalation path."),
        N_("A living document needs owners: someone sends the reports, someone chairs the "
           "reviews."),
    ),
    Step.SERVICES: (
        N_("Describe each service so that both sides agree what is covered: what is "
           "included, what is not, what it depends on, and what the customer must do."),
        N_("Measure only what the provider controls. A service that depends on the "
           "customer's own network or on a third party needs an exclusion for it."),
    ),
    Step.SCHEDULE: (
        N_("Availability is stated for a time window: 99.5 % between 08:00 and 18:00 on "
           "working days is a different promise from 99.5 % around the clock."),
        N_("Service coverage is when the service levels apply; support hours are when "
           "people answer. They may differ: a cloud service can run around the clock while "
           "its support desk keeps office hours."),
        N_("Maintenance windows and their notice period tell the customer when planned "
           "downtime may happen."),
        N_("An agreement need not promise support hours: public cloud terms often promise "
           "availability alone. Without them, count response times at all times or leave "
           "severity levels out."),
    ),
    Step.METRICS: (
        N_("Every metric needs a target, a measurement period, a source and method of "
           "measurement, and ideally a baseline. Targets can be tightened at a review once "
           "more data exists."),
        N_("Keep to about ten metrics: the more complex the monitoring, the less it is "
           "used. Typical cloud availability runs from 99 % to 99.999 %."),
        N_("Severity levels say how fast the provider responds to and resolves an incident, "
           "by how serious it is."),
        N_("A level may be owed by the customer: in an internal agreement Marketing delivers "
           "1,000 leads a month and Sales calls every lead within a day. The contract lists "
           "each party's levels in a table of its own."),
    ),
    Step.CREDITS: (
        N_("A customer wants to know what happens when a target is missed. Service credits "
           "give back a share of the monthly fee: the further below the target, the larger "
           "the share."),
        N_("Say how to claim a credit and within how many days, cap the total, and say "
           "whether credits are the customer's only remedy. Internal SLAs usually have no "
           "credits: escalation and review take their place."),
    ),
    Step.REPORTING: (
        N_("Say who reports what to whom, and how often. A monthly report on each metric "
           "keeps both sides honest."),
        N_("Review the agreement regularly. With a baseline review, targets may be tightened "
           "once enough data has been collected."),
    ),
    Step.EXCLUSIONS: (
        N_("Exclusions list what the service levels do not cover: planned maintenance, "
           "force majeure, problems the customer causes, third parties and networks outside "
           "the provider's control."),
        N_("Be specific: a vague exclusion invites disputes."),
    ),
    Step.TERMINATION: (
        N_("Set the initial term, whether it renews, and the notice for ending it. Repeated "
           "failures (chronic failure) should let the customer leave."),
        N_("Say how quickly a breach must be remedied, how the customer's data is returned, "
           "and how the agreement is amended."),
        N_("Not every agreement has a fixed term: an internal one often runs as long as the "
           "services are used, or until the parties agree a revised version."),
    ),
    Step.APPEARANCE: (
        N_("A contract sent under your own letterhead looks like the rest of your "
           "paperwork: the client sees at once who it comes from, and the same logo, colour "
           "and font on proposals, contracts and reports make a business look dependable."),
        N_("Use the logo from your letters, as a PNG or JPEG file. Keep it small: a few "
           "hundred pixels wide is plenty for print, and the logo travels inside the project "
           "file, which stays easy to e-mail. Files over 1 MB are refused."),
        N_("The accent colour marks the title, the headings and the table headings: a dark "
           "shade of your brand colour stays readable when printed. Choose a body font your "
           "client has too (one that comes with Word, or a free font), or their copy shows "
           "a substitute."),
    ),
    Step.REVIEW: (
        N_("Check the list of problems: errors must be fixed before the contract can be "
           "generated; warnings point to common pitfalls. Click a problem to go to its "
           "field."),
        N_("This draft is not legal advice. Have the final text reviewed before you sign."),
    ),
}


MORE_LINK = "more"
"""The link that shows a step's whole help where only its first paragraph is shown."""
LESS_LINK = "less"
"""The link that folds the whole help back to its first paragraph."""


def help_html(step: Step, brief: bool = False, foldable: bool = False) -> str:
    """The help for ``step`` as HTML paragraphs, in the interface language;
    ``brief``: its first paragraph and a link to the rest (a short window);
    ``foldable``: all of it, with a link back to the first paragraph."""
    texts = _HELP.get(step, ())
    if brief and len(texts) > 1:
        more = _("More…")
        return f'<p>{_(texts[0])} <a href="{MORE_LINK}">{more}</a></p>'
    paragraphs = [_(text) for text in texts]
    if foldable and len(texts) > 1:
        less = _("Less")
        paragraphs[-1] += f' <a href="{LESS_LINK}">{less}</a>'
    return "".join(f"<p>{text}</p>" for text in paragraphs)
