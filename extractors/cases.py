"""CASE mentions (placeholder until the component is written)."""

from spacy.language import Language
from spacy.tokens import Doc


class CaseFinder:
    """Finds CASE entities and adds them with `extractors.spans.add_entity`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("docketflow_cases")
def make_case_component(nlp: Language, name: str) -> CaseFinder:
    return CaseFinder(nlp, name)
