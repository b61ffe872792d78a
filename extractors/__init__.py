"""spaCy components that find docketflow's entities, and the code that turns them into records.

The components register with spaCy through the package's `spacy_factories` entry points (`add_pipe` finds
them) and when `docketflow.extractors.nlp` is imported. Importing the package itself loads nothing: the
process that coordinates a run reads inputs and saves records without spaCy, which only its workers load.
"""
