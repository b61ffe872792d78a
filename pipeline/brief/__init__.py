"""`docketflow brief`: a research brief written from an output folder's records, every sentence cited.

It answers the question the project exists for — which data-sharing agreements an agency (ICE by default) has
with other agencies, and how courts have evaluated them — from the records alone, by templates and counts:
no model, nothing fetched. Modules, in the order a brief is made:

- `scope`: which agencies (`--about`, with components and parent departments) and from which date (`--since`);
- `rulings`: each agreement's decisions, with the holdings that report them, by case and in order;
- `patterns`: counts across the decisions (effects, data let through and barred, statutes), with their decisions;
- `citations`: the evidence each sentence cites, numbered in reading order;
- `compose`: the sentences, from the templates of `wording`, into the structure of `document`;
- `markdown`, `page`: the two renderings; `write`: the command's work (`write_brief`).
"""

from docketflow.pipeline.brief.compose import compose
from docketflow.pipeline.brief.document import Block, Brief, Citation, Ref, Section, Sentence
from docketflow.pipeline.brief.scope import DEFAULT_ABOUT, BadDate, Scope, UnknownAgency, parse_since, resolve
from docketflow.pipeline.brief.write import BriefStats, write_brief

__all__ = [
    "DEFAULT_ABOUT",
    "BadDate",
    "Block",
    "Brief",
    "BriefStats",
    "Citation",
    "Ref",
    "Scope",
    "Section",
    "Sentence",
    "UnknownAgency",
    "compose",
    "parse_since",
    "resolve",
    "write_brief",
]
