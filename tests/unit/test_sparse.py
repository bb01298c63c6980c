from adapters.sparse import encode_document, encode_query, features


def test_accents_plural_and_case_meet() -> None:
    assert features("CONTRASEÑAS")["w:contrasen"] == 1
    assert features("contrasena")["w:contrasen"] == 1


def test_stop_words_and_greetings_carry_no_weight() -> None:
    words = {
        f
        for f in features("Hola, buenos días, no puedo entrar en la intranet")
        if f.startswith("w:")
    }
    assert words == {"w:pued", "w:entrar", "w:intranet"}


def test_typos_still_share_character_ngrams() -> None:
    right = {f for f in features("reembolso") if f.startswith("g:")}
    typo = {f for f in features("rembolso") if f.startswith("g:")}
    assert len(right & typo) >= 3


def test_vectors_are_sorted_unique_and_deterministic() -> None:
    indices, values = encode_document("Outlook Outlook no envía correos")
    assert indices == sorted(set(indices))
    assert len(indices) == len(values)
    assert (indices, values) == encode_document("Outlook Outlook no envía correos")
    q_indices, q_values = encode_query("outlook")
    assert set(q_indices) <= set(indices) and max(q_values) == 1.0
