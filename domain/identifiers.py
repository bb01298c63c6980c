"""Identifiers found in an incident by deterministic rules — never invented by a model.

Every extractor returns normalised, validated values in order of appearance, de-duplicated.
An action may only use a value found here; when a required identifier is missing or ambiguous
(two different policy numbers), the engine asks the requester instead of guessing.

E-mail addresses are the identifier a thread is fullest of (senders, people in copy,
signatures, no-reply notifications), so they are only taken from the requester's own words:
header lines, quoted lines (``> ...``), signature blocks, hidden HTML comments and the engine's
notes are left out, and when several addresses remain, those written as the subject of the
request ("mi correo nuevo es ...", "buzón compartido ...") are preferred. Other identifiers keep
every value: a different policy number quoted from an old message, or a NIF in a signature,
makes the parameter ambiguous, and the requester is asked.

Policy numbers follow :data:`POLIZA_GRAMMAR`: 8 digits, the common case, are taken wherever they
stand alone, as before; the original project's hyphenated numbers (``POL001-FX-PROVISION``,
``666023054-53-1``) only where they clearly are one: in the ``POL…-…`` shape, or right after the
word "póliza" ("nº de póliza", "póliza nº:") and not shaped like a date, a phone number, a NIF,
an IBAN, a card or a refund number.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from domain.text import fold
from domain.validators import iban_is_valid, luhn_ok, nif_is_valid  # importable from here too

MONTHS = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
#: how users name the products of ``licenciaoffice`` (accent-folded, lower-case) → its value
PRODUCTS: tuple[tuple[str, str], ...] = (
    (r"power\s?bi|pbi", "powerbi"),
    (r"(?:ms |microsoft )?visio", "visio"),
    (r"(?:ms |microsoft )?project", "project"),
    (
        r"office(?: ?365)?|microsoft 365|[mo]365|word|excel|outlook|power ?point|teams|onenote",
        "office",
    ),
)

#: The one grammar of policy numbers, shared by the engine's extraction and the mock target
#: system (seed files, ``GET /api/poliza/{n}``, the ``poliza`` parameter of the actions): either
#: 8 digits (the common case, ``30114872``) or, as in the original project's data, two or more
#: groups of ASCII letters and digits joined by single ``-`` with at least one digit, up to
#: :data:`POLIZA_MAX_CHARS` characters (``POL001-FX-PROVISION``, ``666023054-53-1``). No spaces,
#: slashes or other signs. The canonical form has its letters in upper case.
POLIZA_MAX_CHARS = 32
POLIZA_GRAMMAR = re.compile(
    rf"\d{{8}}|(?=[A-Z0-9-]{{3,{POLIZA_MAX_CHARS}}}$)(?=[A-Z-]*[0-9])[A-Z0-9]+(?:-[A-Z0-9]+)+"
)


def is_poliza(value: str) -> bool:
    """Whether ``value``, as it is, is a canonical policy number (see :data:`POLIZA_GRAMMAR`)."""
    return POLIZA_GRAMMAR.fullmatch(value) is not None


def normalize_poliza(value: str) -> str | None:
    """The canonical policy number written in ``value`` (whitespace removed, letters in upper
    case), or None when it is not one: ``" pol001-fx "`` → ``"POL001-FX"``."""
    canonical = re.sub(r"\s+", "", value).upper()
    return canonical if is_poliza(canonical) else None


_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_POLIZA = re.compile(r"(?<![\w/.-])(\d{8})(?![\w/-])")
# The original project's hyphenated policy numbers (see POLIZA_GRAMMAR), as written in a text:
# not inside a path, an address or a longer token; a full stop may end the sentence after it.
_HYPHENATED = r"(?<![\w/.-])([A-Za-z0-9]+(?:-[A-Za-z0-9]+)+)(?![\w/-]|\.\w)"
_POLIZA_POL = re.compile(r"(?<![\w/.-])(POL\d+(?:-[A-Za-z0-9]+)+)(?![\w/-]|\.\w)", re.IGNORECASE)
# "póliza 666023054-53-1", "nº de póliza: ...", "póliza nº ...", "mi póliza es ...",
# "pólizas A-1-2 y B-3-4"
_POLIZA_CUE = re.compile(
    r"\bp[oó]lizas?\b\s*(?:(?:es|son)\s+)?"
    r"(?:(?:con\s+)?(?:el\s+)?(?:n\.?[º°]|nro|n[uú]m(?:ero)?)\.?\s*)?"
    r"(?:[:#]\s*)?",
    re.IGNORECASE,
)
_CUED_POLIZA = re.compile(_HYPHENATED)
_LIST_SEPARATOR = re.compile(r"\s*(?:,|;|\by\b|\be\b|\bo\b)\s*", re.IGNORECASE)
# What a hyphenated token after "póliza" may be instead (upper-cased, with its hyphens):
_NOT_POLIZA = (
    re.compile(r"\d{8}-?[A-Z]|[XYZ]-?\d{7}-?[A-Z]"),  # NIF / NIE, right letter or not
    re.compile(r"[RA]-?\d{7}"),  # refund / authorisation
    re.compile(r"\d{1,2}-\d{1,2}-\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"),  # dates
    re.compile(r"(?:19|20)\d{2}-(?:19|20)?\d{2}"),  # a range of years
    re.compile(r"[A-Z]{2}\d{2}(?:-?[A-Z0-9]{4}){3,7}(?:-?[A-Z0-9]{1,4})?"),  # IBAN (any country)
)
# Phone numbers (Spanish 9 digits from 6-9, or with the 34 prefix) and card numbers, by their
# digits once the hyphens are gone.
_PHONE_DIGITS = re.compile(r"(?:34|0034)?[6-9]\d{8}")
_REEMBOLSO = re.compile(r"\bR[- ]?(\d{7})\b", re.IGNORECASE)
_AUTORIZACION = re.compile(r"\bA[- ]?(\d{7})\b", re.IGNORECASE)
# The letter may follow directly or after "-"; after a space only in upper case, so that
# "póliza 30114872 y ..." is a policy number and not a NIF.
_NIF = re.compile(
    r"\b(\d{8})(?:-?([A-Za-z])| ([A-Z]))\b|\b([XYZxyz])[ -]?(\d{7})(?:-?([A-Za-z])| ([A-Z]))\b"
)
_IBAN = re.compile(r"\bES\s?\d{2}(?:\s?\d{4}){5}\b", re.IGNORECASE)
_USER_HINT = re.compile(
    r"(?:usuari[oa]|login|cuenta|vitalia\\)\s*(?:es|:|de red|corporativ[oa])?\s*:?\s*"
    r"(?:vitalia\\)?([a-z]{2,}\.[a-z]{2,})\b",
    re.IGNORECASE,
)
_LOGIN = re.compile(r"^[a-z]{2,}\.[a-z]{2,}$")
# a login written on its own (not part of an address, a host name or a path): a user of the
# request when it stands in parentheses, «David Ortuño (david.ortuno)», or when the text also
# names that person, «David Ortuño ... david.ortuno»
_BARE_LOGIN = re.compile(r"(?<![\w.@/\\-])([a-z]{2,}\.[a-z]{2,})(?![\w@/\\-]|\.\w)")
# the request is for someone else (accent-folded): the requester's own login is not a default
_ON_BEHALF = re.compile(
    r"\b(?:mi|mis|una|un|nuestr[oa]s?|el|la) (?:companer[oa]s?|compi|jefe|jefa|colega|becari[oa]"
    r"|nuev[oa] (?:companer[oa]|emplead[oa]|incorporacion))\b"
    r"|\ben nombre de\b|\bde parte de\b|\bon behalf of\b|\bmy (?:colleague|boss|manager)\b"
)
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_PERIOD = re.compile(r"\b(0?[1-9]|1[0-2])/(\d{4})\b")
_YEAR = re.compile(r"\b(20\d{2})\b")
# ("el de este mes o el del pasado": the month is left out the second time)
_LAST_MONTH = re.compile(
    r"\b(?:mes pasado|pasado mes|mes anterior|ultimo mes|last month|el del pasado)\b"
)
_THIS_MONTH = re.compile(r"\b(?:este mes|mes actual|mes en curso|this month)\b")
_LAST_YEAR = re.compile(r"\b(?:ano pasado|ano anterior|ejercicio (?:pasado|anterior)|last year)\b")
_THIS_YEAR = re.compile(r"\b(?:este ano|ano actual|ano en curso|ejercicio actual|this year)\b")

# --- where an e-mail address is not the requester's word (matched on accent-folded lines) ---
_HIDDEN = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_HEADER = re.compile(
    r"^(?:de|from|para|to|cc|cco|bcc|enviado|sent|fecha|date|responder a|reply-to)\s*:"
    r"|^enviado por\b"
)
_ATTRIBUTION = re.compile(r"(?:escribio|wrote)\s*:?$")
_FORWARD = re.compile(
    r"^-{2,}\s*(?:mensaje (?:reenviado|original)|forwarded message|original message)"
)
_SIGN_OFF = re.compile(
    r"^[¡!]*(?:--+|_{2,}"
    r"|(?:un |muchos |muchas |mil )?(?:saludos?|gracias)(?: cordiales| de antemano| por todo)?"
    r"|atentamente|cordialmente|un abrazo|(?:best |kind |warm )?regards|thanks(?: in advance)?"
    r"|thank you|cheers|enviado desde mi\b.*|sent from my\b.*|(?:obtener|get) outlook\b.*)"
    r"[\s,.!]*$"
)
_SIGNATURE_LINE = re.compile(
    r"\b(?:tel|tlf|telf|telefono|movil|ext|extension|fax)\b\.?\s*:?\s*\+?\d"
)
_ENGINE_NOTE = re.compile(r"^\[resolvia")
_NO_REPLY = re.compile(
    r"^(?:no-?reply|noreply|no[-_.]?responder|donotreply|do[-_.]not[-_.]reply|mailer-daemon"
    r"|postmaster|resolvia)\b"
)
# the address is the subject of the request: named just before it, in the same sentence
_SUBJECT_CUE = re.compile(
    r"\b(?:correo|e-?mail|mail|direccion|buzon|mailbox|address|nuev[oa]|new)\b"
)
_NOT_SUBJECT = re.compile(r"\b(?:antigu[oa]|anterior|viej[oa]|old|previous|ya no|copia|cc)\b")
_MAILBOX_CUE = re.compile(r"\b(?:buzon|mailbox)\b")
# a birth named in a sentence (accent-folded): nacer, nacimiento, parto, new parents; en/ca/gl/pt
_BIRTH_CUE = re.compile(
    r"\b(?:naci|nacio|nacimientos?|nacid[oa]s?|nac(?:e|er|era|eu)|parto|papas?|mamas?|born"
    r"|birth\w*|naix\w*|neix\w*|nasc\w*)\b"
)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+|\n")
# what may stand between two addresses given as alternatives or a list (accent-folded)
_ALTERNATIVE = re.compile(
    r"[\s,/()]*(?:(?:o|u|y|e|ni|or|and|bien|tambien|o bien|o con|o en)\b[\s,/()]*)?"
)


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def extract(
    text: str, *, requester: str = "", reference_date: date | None = None
) -> dict[str, list[str]]:
    """All identifiers of ``text``; ``requester`` is the login of who opened the incident.

    ``reference_date`` (the incident's opening date) resolves relative periods: "octubre",
    "el mes pasado", "el año pasado"; without it they are not resolved.
    """
    without_emails = _EMAIL.sub(" ", text)
    nifs = []
    for m in _NIF.finditer(without_emails):
        if m.group(1):
            value = m.group(1) + (m.group(2) or m.group(3))
        else:
            value = m.group(4) + m.group(5) + (m.group(6) or m.group(7))
        value = value.upper()
        if nif_is_valid(value):
            nifs.append(value)
    nif_numbers = {n[:8] for n in nifs}
    ibans = [re.sub(r"\s", "", m.group(0)).upper() for m in _IBAN.finditer(without_emails)]
    without_ibans = _IBAN.sub(" ", without_emails)
    polizas = _polizas(without_ibans, nif_numbers)
    folded = fold(without_emails)
    users = _unique(
        [u.lower() for u in _USER_HINT.findall(without_emails)] + _named_logins(without_emails)
    )
    if not users and _LOGIN.match(requester.lower()) and not _ON_BEHALF.search(folded):
        users = [requester.lower()]
    emails, mailboxes = _addresses(text, owners={requester.lower().split("@")[0], *users})
    return {
        "poliza": _unique(polizas),
        "num_reembolso": _unique([f"R-{d}" for d in _REEMBOLSO.findall(without_emails)]),
        "num_autorizacion": _unique([f"A-{d}" for d in _AUTORIZACION.findall(without_emails)]),
        "nif": _unique(nifs),
        "iban": _unique([i for i in ibans if iban_is_valid(i)]),
        "email": emails,
        "buzon_compartido": mailboxes,
        "usuario": users,
        "producto": _products(fold(_own_words(without_emails, keep_quoted=True))),
        "fecha_nacimiento": _unique(_birth_dates(without_emails)),
        "periodo": _unique(_periods(without_emails, folded, reference_date)),
        # header lines ("Enviado: 15 de noviembre de 2026") and signatures hold no fiscal year
        "ejercicio": _unique(
            _years(fold(_own_words(without_ibans, keep_quoted=True)), reference_date)
        ),
    }


def _named_logins(text: str) -> list[str]:
    """Logins the text gives for a person: in parentheses, or next to that person's name
    written out anywhere in the text (``david.ortuno`` and «David Ortuño»)."""
    folded = fold(text)
    found = []
    for m in _BARE_LOGIN.finditer(text):
        login = m.group(1).lower()
        before, after = text[: m.start()].rstrip(), text[m.end() :].lstrip()
        # in parentheses right after a capitalised word: «David Ortuño (david.ortuno)»
        quoted = (
            before.endswith("(")
            and after.startswith(")")
            and bool(re.search(r"\b[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+$", before[:-1].rstrip()))
        )
        first, last = login.split(".")
        if quoted or re.search(rf"\b{first} {last}\b", folded):
            found.append(login)
    return found


def _polizas(text: str, nif_numbers: set[str]) -> list[str]:
    """Policy numbers in order of appearance: every standalone 8-digit number that is not a
    NIF's, and the hyphenated ones that clearly are policy numbers (module docstring)."""
    found = [(m.start(1), m.group(1)) for m in _POLIZA.finditer(text)]
    found = [(at, p) for at, p in found if p not in nif_numbers]
    found += [(m.start(1), m.group(1)) for m in _POLIZA_POL.finditer(text)]
    for cue in _POLIZA_CUE.finditer(text):
        at = cue.end()
        while (m := _CUED_POLIZA.match(text, at)) is not None:
            if not _looks_like_something_else(m.group(1)):
                found.append((m.start(1), m.group(1)))
            separator = _LIST_SEPARATOR.match(text, m.end())
            if separator is None:
                break
            at = separator.end()
    values = (normalize_poliza(p) for _, p in sorted(found, key=lambda f: f[0]))
    return [p for p in values if p is not None]


def _looks_like_something_else(token: str) -> bool:
    """A hyphenated token after "póliza" that is shaped like another identifier or a date."""
    upper = token.upper()
    if any(pattern.fullmatch(upper) for pattern in _NOT_POLIZA):
        return True
    digits = upper.replace("-", "")
    phone = _PHONE_DIGITS.fullmatch(digits) is not None
    card = digits.isdigit() and 13 <= len(digits) <= 19 and luhn_ok(digits)
    return phone or card


def _own_words(text: str, *, keep_quoted: bool) -> str:
    """``text`` without what the requester did not write as part of the request: e-mail
    header lines, quote attributions, signature blocks (from a sign-off to the next blank
    line), hidden HTML comments, the engine's notes and, unless ``keep_quoted``, quoted lines.
    """
    kept: list[str] = []
    skipping = False  # inside a signature block or an engine note, until a blank line
    for line in _HIDDEN.sub(" ", text).splitlines():
        folded = fold(line)
        if not folded:
            skipping = False
            kept.append("")
            continue
        quoted = folded.startswith(">")
        bare = folded.lstrip("> ").strip()
        if _FORWARD.match(bare):
            skipping = False
            continue
        if skipping or (quoted and not keep_quoted):
            continue
        if _HEADER.match(bare) or _ATTRIBUTION.search(bare):
            continue
        if _SIGN_OFF.match(bare) or _ENGINE_NOTE.match(bare):
            skipping = True
            continue
        if _SIGNATURE_LINE.search(bare) or ("|" in bare and len(bare) <= 100):
            skipping = True
            continue
        kept.append(line)
    return "\n".join(kept)


def _addresses(text: str, owners: set[str]) -> tuple[list[str], list[str]]:
    """Candidates for ``email`` and for ``buzon_compartido``.

    Only addresses in the requester's own words count; no-reply ones never. When several
    remain, those named as the subject of the request win ("buzón" for a shared mailbox);
    if that still leaves more than one, all are kept and the parameter is ambiguous. The
    requester's own corporate address (its login before the ``@``) is never a shared mailbox.
    """
    own = _own_words(text, keep_quoted=False)
    found: list[tuple[str, str]] = []  # (address, folded words between it and what precedes)
    start = 0
    for m in _EMAIL.finditer(own):
        before = re.split(r"[.;!?]\s|\n", own[start : m.start()])[-1]
        start = m.end()
        address = m.group(0).lower()
        if not _NO_REPLY.match(address):
            found.append((address, fold(before)))
    emails = _prefer(found, _SUBJECT_CUE)
    mailboxes = _prefer([f for f in found if f[0].split("@")[0] not in owners], _MAILBOX_CUE)
    return emails, mailboxes


def _prefer(found: list[tuple[str, str]], cue: re.Pattern[str]) -> list[str]:
    every = _unique([address for address, _ in found])
    if len(every) <= 1:
        return every
    named: list[str] = []
    subject = False
    for address, before in found:
        # "el correo es X o Y", "X, Y": an address joined to the one before it by nothing but
        # a conjunction is named the same way (both are the subject: the value is ambiguous)
        if not _ALTERNATIVE.fullmatch(before):
            subject = bool(cue.search(before)) and not _NOT_SUBJECT.search(before)
        if subject:
            named.append(address)
    return _unique(named) or every


def _products(folded: str) -> list[str]:
    """Products of ``licenciaoffice`` as users name them, in order of appearance."""
    first: dict[str, int] = {}
    for pattern, product in PRODUCTS:
        for m in re.finditer(rf"\b(?:{pattern})\b", folded):
            first[product] = min(first.get(product, m.start()), m.start())
    return sorted(first, key=first.__getitem__)


def _birth_dates(text: str) -> list[str]:
    """Dates named as a birth: in a sentence that speaks of one («nació el …», «fecha de
    nacimiento: …», «somos papás desde el …»). Any other date — the message's own, a chat's
    timestamp, a receipt's — is no birth date, so a registration without one asks for it."""
    found: list[str] = []
    for sentence in _SENTENCE.split(text):
        if _BIRTH_CUE.search(fold(sentence)):
            found += _dates(sentence)
    return found


def _dates(text: str) -> list[str]:
    found = []
    for d, m, y in _DATE.findall(text):
        try:
            found.append(date(int(y), int(m), int(d)).strftime("%d/%m/%Y"))
        except ValueError:
            continue
    return found


def _periods(text: str, folded: str, reference: date | None) -> list[str]:
    """Months (``mm/yyyy``): written as ``10/2026``, as "octubre (de 2026)", or relative to
    ``reference``: a month without a year is the last one of that name not after the
    reference's month; "el mes pasado" and "este mes" count from the reference's month."""
    text_wo_dates = _DATE.sub(" ", text)
    found = [
        (m.start(), f"{int(m.group(1)):02d}/{m.group(2)}") for m in _PERIOD.finditer(text_wo_dates)
    ]
    folded_wo_dates = _DATE.sub(" ", folded)
    for name, number in MONTHS.items():
        for match in re.finditer(
            rf"\b{name}(?:\s+(?:de|del))?(?:\s+(\d{{4}}))?\b", folded_wo_dates
        ):
            year = match.group(1)
            if year is None and reference is not None:
                year = str(reference.year if number <= reference.month else reference.year - 1)
            if year:
                found.append((match.start(), f"{number:02d}/{year}"))
    if reference is not None:
        last = reference.replace(day=1) - timedelta(days=1)
        for pattern, month in ((_LAST_MONTH, last), (_THIS_MONTH, reference)):
            for match in pattern.finditer(folded_wo_dates):
                found.append((match.start(), f"{month.month:02d}/{month.year}"))
    return [value for _, value in sorted(found, key=lambda f: f[0])]


def _years(folded: str, reference: date | None) -> list[str]:
    """Fiscal years, only in a tax context ("renta", "hacienda", "ejercicio"...). Full dates
    and ``mm/yyyy`` periods are not years; with a ``reference`` a year after it is no fiscal
    year yet, and "el año pasado" / "este año" count from it."""
    if not re.search(r"renta|hacienda|ejercicio|fiscal|certificado|irpf|tax|declaracion", folded):
        return []
    plain = _PERIOD.sub(" ", _DATE.sub(" ", folded))
    found = [(m.start(), m.group(1)) for m in _YEAR.finditer(plain)]
    if reference is not None:
        found = [(at, year) for at, year in found if int(year) <= reference.year]
        for pattern, year in ((_LAST_YEAR, reference.year - 1), (_THIS_YEAR, reference.year)):
            found += [(m.start(), str(year)) for m in pattern.finditer(plain)]
    return [value for _, value in sorted(found, key=lambda f: f[0])]
