"""STATUTE mentions (placeholder until the component is written)."""

from spacy.language import Language
from spacy.tokens import Doc


class StatuteFinder:
    """Finds STATUTE entities and adds them with `extractors.spans.add_entity`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("docketflow_statutes")
def make_statute_component(nlp: Language, name: str) -> StatuteFinder:
    return StatuteFinder(nlp, name)
