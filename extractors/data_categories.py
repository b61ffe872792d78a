"""DATA_CATEGORY mentions (placeholder until the component is written)."""

from spacy.language import Language
from spacy.tokens import Doc


class DataCategoryFinder:
    """Finds DATA_CATEGORY entities and adds them with `extractors.spans.add_entity`."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("docketflow_data_categories")
def make_data_category_component(nlp: Language, name: str) -> DataCategoryFinder:
    return DataCategoryFinder(nlp, name)
