from pathlib import Path

from adapters.sparse import LexicalEncoder, load_synonyms
from config import REPO_ROOT

ENC = LexicalEncoder()


def test_accents_plural_and_case_meet() -> None:
    assert ENC.features("CONTRASEÑAS")["w:contrasen"] == 1
    assert ENC.features("contrasena")["w:contrasen"] == 1


def test_stop_words_and_greetings_carry_no_weight() -> None:
    text = "Hola, buenos días, no puedo entrar en la intranet"
    words = {f for f in ENC.features(text) if f.startswith("w:")}
    assert words == {"w:pued", "w:entrar", "w:intranet"}


def test_typos_still_share_character_ngrams() -> None:
    right = {f for f in ENC.features("reembolso") if f.startswith("g:")}
    typo = {f for f in ENC.features("rembolso") if f.startswith("g:")}
    assert len(right & typo) >= 3


def test_synonym_groups_join_different_words(tmp_path: Path) -> None:
    path = tmp_path / "syn.txt"
    path.write_text("# comentario\ncontraseña, clave, no me acuerdo de la clave\nsolo\n", "utf-8")
    groups = load_synonyms(path)
    assert len(groups) == 1  # a one-term line is not a group
    enc = LexicalEncoder(groups)
    assert enc.features("Olvidé la CLAVE")["s:0"] == 1
    assert enc.features("nueva contraseña")["s:0"] == 1
    assert "s:0" not in enc.features("la llave del armario")
    assert enc.version != ENC.version  # a synonym change forces a re-index


def test_shipped_synonyms_load() -> None:
    groups = load_synonyms(REPO_ROOT / "resources" / "SINONIMOS.txt")
    assert len(groups) >= 30


def test_vectors_are_sorted_unique_and_deterministic() -> None:
    indices, values = ENC.encode_document("Outlook Outlook no envía correos")
    assert indices == sorted(set(indices))
    assert len(indices) == len(values)
    assert (indices, values) == ENC.encode_document("Outlook Outlook no envía correos")
    q_indices, q_values = ENC.encode_query("outlook")
    assert set(q_indices) <= set(indices) and max(q_values) == 1.0
