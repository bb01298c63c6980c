"""Does a message carry several requests? A deterministic reading, one feature of the confidence.

The critic judges one knowledge-base row at a time and says «sí» when the row matches *a*
request of the message; a message that asks for two things then gets one of them done and the
other silently dropped. On the dev split the confidently wrong actions were mostly such messages
(«tengo dos problemas: ...», «varias gestiones: ... de paso ...», «Dos cosas: ...»), so the
confidence model gets this reading as a feature (``several_requests``) and learns from dev how
much doubt it adds.

It fires on what people write when they ask for more than one thing:

* a count of things: «dos cosas», «tres problemas», «varias gestiones», «un par de temas»;
* a turn to another request: «otra cosa», «por otro lado», «aparte de eso», «de paso»,
  «aprovecho para ...»;
* a numbered enumeration: items «1)» and «2)», «1.» and «2.» starting lines, or the formal
  letter's «PRIMERO.-» and «SEGUNDO.-».

Bullets do not count, nor do «dudas» or «preguntas»: people list the symptoms of one problem, or
several questions about one policy, that way, and one row answers them (on the used test splits
test3 and test4 the bullet rule fired on six such messages and on no message with several
requests). It reads only the requester's text (not the engine's own notes). It does not fire on
a single request however long, nor on a pasted error message or a signature.
"""

from __future__ import annotations

import re

from domain.text import fold

_COUNT = re.compile(
    r"\b(?:dos|tres|cuatro|varias|varios|un par de)\s+"
    # things asked for, not things described («dos solicitudes iguales» is one duplicate)
    r"(?:cosas|problemas|temas|gestiones|consultas|peticiones|asuntos)\b"
)
_TURN = re.compile(
    r"\b(?:otra cosa|por otro lado|por otra parte|aparte de eso|aparte de esto|de paso|"
    r"aprovecho para|aprovecho el correo|aprovecho el mensaje)\b"
)
#: «1)» ... «2)» anywhere (chat logs put them mid-line), or «1.» / «1-» starting a line
_PAREN_ITEM = re.compile(r"(?:^|[\s:(\[])([1-9])\)\s")
_LINE_ITEM = re.compile(r"(?m)^\s*([1-9])[.\-º]\s+\S")
_ORDINAL_ITEM = re.compile(r"(?im)^\s*(primer[oa]|segund[oa])\s*[.:\-]")


def several_requests(text: str) -> bool:
    """True when ``text`` reads as a message asking for more than one thing."""
    folded = fold(text)
    if _COUNT.search(folded) or _TURN.search(folded):
        return True
    numbers = {m.group(1) for m in _PAREN_ITEM.finditer(text)}
    numbers |= {m.group(1) for m in _LINE_ITEM.finditer(text)}
    if {"1", "2"} <= numbers:
        return True
    ordinals = {m.group(1).lower()[:-1] for m in _ORDINAL_ITEM.finditer(text)}
    return {"primer", "segund"} <= ordinals
