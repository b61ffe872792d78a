"""COURT mentions (placeholder until the component is written)."""

from spacy.language import Language
from spacy.tokens import Doc


class CourtFinder:
    """Finds COURT entities and adds them with `extractors.spans.add_entity`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("docketflow_courts")
def make_court_component(nlp: Language, name: str) -> CourtFinder:
    return CourtFinder(nlp, name)
