"""spaCy components that find docketflow's entities, and the code that turns them into records.

Importing the package registers every `docketflow_*` component factory with spaCy.
"""

from docketflow.extractors import (  # noqa: F401  (imported for their @Language.factory registrations)
    agencies,
    cases,
    courts,
    data_categories,
    dates,
    dockets,
    judges,
    statutes,
)
